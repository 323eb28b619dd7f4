/** One write through the console, as the audit table stores it (migrations/0001_audit.sql). */
export type AuditEntry = {
  actor: string;
  /** `rules.publish`, `rules.rollback`, `dead_letter.retry`, `login`, `login.failed`. */
  action: string;
  /** What it was done to: a rules key (`jd:rules:shop:jd:s1`), a dead letter (`jd:dead_letter:<id>`), the console. */
  target: string;
  /** Platform, scope, version, sha256, result, errors…: whatever explains the outcome. */
  detail: Record<string, unknown>;
  ip: string | null;
};

export type AuditRow = AuditEntry & { id: string; at: number };

type StoredRow = { id: string; at: number; actor: string; action: string; target: string; detail: string; ip: string | null };

/** Record a write. Returns the row id. */
export async function audit(db: D1Database, entry: AuditEntry, now = Date.now()): Promise<string> {
  const id = crypto.randomUUID();
  await db
    .prepare('INSERT INTO audit (id, at, actor, action, target, detail, ip) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .bind(id, now, entry.actor, entry.action, entry.target, JSON.stringify(entry.detail), entry.ip)
    .run();
  return id;
}

/**
 * Record a write without letting a D1 failure hide the outcome of the write itself (which already
 * happened on the platform worker): the failure is logged and reported to the caller instead.
 */
export async function auditSafely(db: D1Database, entry: AuditEntry): Promise<string | null> {
  try {
    return await audit(db, entry);
  } catch (error) {
    console.error(`console: audit write failed for ${entry.action} ${entry.target}: ${(error as Error).message}`);
    return null;
  }
}

function fromStored(row: StoredRow): AuditRow {
  let detail: Record<string, unknown> = {};
  try {
    detail = JSON.parse(row.detail) as Record<string, unknown>;
  } catch {
    detail = { raw: row.detail };
  }
  return { ...row, detail };
}

/** The latest writes, newest first. */
export async function recentAudit(db: D1Database, limit = 100): Promise<AuditRow[]> {
  const { results } = await db.prepare('SELECT * FROM audit ORDER BY at DESC LIMIT ?').bind(limit).all<StoredRow>();
  return results.map(fromStored);
}

/** The rows one publish wrote (one per platform), by the batch id they share in `detail.batch`. */
export async function auditBatch(db: D1Database, batch: string): Promise<AuditRow[]> {
  const { results } = await db.prepare("SELECT * FROM audit WHERE json_extract(detail, '$.batch') = ? ORDER BY at, target").bind(batch).all<StoredRow>();
  return results.map(fromStored);
}

/** One row by id (the flash after a redirect), or null. */
export async function auditRow(db: D1Database, id: string): Promise<AuditRow | null> {
  const row = await db.prepare('SELECT * FROM audit WHERE id = ?').bind(id).first<StoredRow>();
  return row ? fromStored(row) : null;
}
