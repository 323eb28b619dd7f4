/** A claimed delivery may be retried by another consumer after this long (a crashed send). */
const LEASE_MS = 60_000;

/** Where a delivery stands before sending. */
export type Claim =
  /** This consumer may send now. */
  | { kind: 'claimed' }
  /** Sent (or dead-lettered) already: a duplicate queue delivery; acknowledge it. */
  | { kind: 'done' }
  /** Another consumer is sending it right now: try again later. */
  | { kind: 'busy' };

/** Claim an outbound job for sending, idempotently by its id (D1 `deliveries`). */
export async function claimDelivery(db: D1Database, id: string, kind: string, now: number): Promise<Claim> {
  const claimed = await db
    .prepare(
      `INSERT INTO deliveries (id, kind, status, attempts, updated_at) VALUES (?1, ?2, 'sending', 1, ?3)
       ON CONFLICT (id) DO UPDATE SET status = 'sending', attempts = attempts + 1, updated_at = ?3
       WHERE deliveries.status = 'failed' OR (deliveries.status = 'sending' AND deliveries.updated_at < ?3 - ?4)
       RETURNING id`,
    )
    .bind(id, kind, now, LEASE_MS)
    .first<{ id: string }>();
  if (claimed) return { kind: 'claimed' };
  const row = await db.prepare('SELECT status FROM deliveries WHERE id = ?').bind(id).first<{ status: string }>();
  return row?.status === 'sending' ? { kind: 'busy' } : { kind: 'done' };
}

export async function settleDelivery(db: D1Database, id: string, status: 'sent' | 'failed' | 'dead', error: string | null, now: number): Promise<void> {
  await db.prepare('UPDATE deliveries SET status = ?, last_error = ?, updated_at = ? WHERE id = ?').bind(status, error, now, id).run();
}
