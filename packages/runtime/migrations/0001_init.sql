-- Conversation log: one row per inbound event, buyer text masked (maskPii) before it is written.
CREATE TABLE conversation_log (
  event_id TEXT PRIMARY KEY,
  platform TEXT NOT NULL,
  shop_id TEXT NOT NULL,
  buyer_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  text TEXT,
  at INTEGER NOT NULL
);
CREATE INDEX conversation_log_by_conversation ON conversation_log (platform, shop_id, buyer_id, at);

-- Action log: every decision with its reason (rule, score, signals), text masked.
CREATE TABLE action_log (
  action_id TEXT PRIMARY KEY,
  event_id TEXT NOT NULL,
  platform TEXT NOT NULL,
  shop_id TEXT NOT NULL,
  buyer_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  reason_code TEXT NOT NULL,
  reason TEXT NOT NULL,
  detail TEXT NOT NULL,
  at INTEGER NOT NULL
);
CREATE INDEX action_log_by_shop ON action_log (platform, shop_id, at);

-- Outbound deliveries (sends and notifications), idempotent by action id.
CREATE TABLE deliveries (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('sending', 'sent', 'failed', 'dead')),
  attempts INTEGER NOT NULL,
  last_error TEXT,
  updated_at INTEGER NOT NULL
);

-- What could not be delivered after every retry, or was refused for good: shown by the console.
CREATE TABLE dead_letters (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  platform TEXT,
  shop_id TEXT,
  job TEXT NOT NULL,
  reason TEXT NOT NULL,
  at INTEGER NOT NULL
);
