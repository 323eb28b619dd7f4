-- The console's audit log: every write through the console (publish, rollback, dead-letter retry,
-- sign-in), successful or not. `detail` is JSON: platform, scope, version, sha256, result, errors…
CREATE TABLE audit (
  id TEXT PRIMARY KEY,
  at INTEGER NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  target TEXT NOT NULL,
  detail TEXT NOT NULL,
  ip TEXT
);
CREATE INDEX audit_by_time ON audit (at);
CREATE INDEX audit_by_target ON audit (target, at);
