/** The Conversation Durable Object's SQLite tables. Idempotent: runs on every start. */
export const MIGRATIONS = [
  // Platform message/event ids already acted on: dedupe survives restarts.
  `CREATE TABLE IF NOT EXISTS seen (id TEXT PRIMARY KEY, at INTEGER NOT NULL)`,
  // The stored conversation (core state, channel, transcript, budget), one JSON row.
  `CREATE TABLE IF NOT EXISTS state (k INTEGER PRIMARY KEY CHECK (k = 1), json TEXT NOT NULL)`,
  // Timers the core scheduled (SLA alerts, 催付); the DO alarm fires the earliest.
  `CREATE TABLE IF NOT EXISTS timers (id TEXT PRIMARY KEY, at INTEGER NOT NULL, purpose TEXT NOT NULL, ref TEXT NOT NULL)`,
  // Every action decided, in order (the record tests and the console read).
  `CREATE TABLE IF NOT EXISTS actions (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, json TEXT NOT NULL)`,
  // Transactional outbox: jobs written with the decision, deleted once the queue has them.
  `CREATE TABLE IF NOT EXISTS outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, json TEXT NOT NULL)`,
] as const;

/** How soon the DO retries handing its outbox to the queue after the queue refused. */
export const OUTBOX_RETRY_MS = 5_000;
