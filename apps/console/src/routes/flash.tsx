import type { Context } from 'hono';
import { auditRow, type AuditRow } from '../audit/audit.ts';
import type { AppEnv } from '../env.ts';

/** After a POST-redirect, the page shows the outcome of the write by its audit row id (`?flash=`). */
export async function flashRow(c: Context<AppEnv>): Promise<AuditRow | null> {
  const id = c.req.query('flash');
  if (!id || !/^[0-9a-f-]{36}$/.test(id)) return null;
  return auditRow(c.env.DB, id).catch(() => null);
}
