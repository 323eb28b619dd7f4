-- Escalations: one open escalation per conversation; later notices are updates to it.
CREATE TABLE escalations (
  id TEXT PRIMARY KEY,
  platform TEXT NOT NULL,
  shop_id TEXT NOT NULL,
  buyer_id TEXT NOT NULL,
  severity TEXT NOT NULL,
  title TEXT NOT NULL,
  updates INTEGER NOT NULL DEFAULT 0,
  deadline INTEGER,
  status TEXT NOT NULL CHECK (status IN ('open', 'claimed', 'closed')),
  claimed_by TEXT,
  opened_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX escalations_by_shop ON escalations (platform, shop_id, status, opened_at);

-- Human-response rounds as the platforms count them (see slaDailyMetrics in packages/core).
CREATE TABLE sla_rounds (
  id TEXT PRIMARY KEY,
  platform TEXT NOT NULL,
  shop_id TEXT NOT NULL,
  buyer_id TEXT NOT NULL,
  started_at INTEGER NOT NULL,
  bot_replied_at INTEGER,
  human_replied_at INTEGER,
  closed_at INTEGER
);
CREATE INDEX sla_rounds_by_shop ON sla_rounds (platform, shop_id, started_at);

-- Per shop per day, recomputed whenever one of that day's rounds changes: tomorrow's platform score, today.
CREATE TABLE sla_daily (
  platform TEXT NOT NULL,
  shop_id TEXT NOT NULL,
  day TEXT NOT NULL,
  rounds INTEGER NOT NULL,
  within_sla INTEGER NOT NULL,
  within_sla_rate REAL,
  avg_first_response_seconds REAL,
  unanswered INTEGER NOT NULL,
  excluded_automatic INTEGER NOT NULL,
  excluded_outside_hours INTEGER NOT NULL,
  open INTEGER NOT NULL,
  computed_at INTEGER NOT NULL,
  PRIMARY KEY (platform, shop_id, day)
);
