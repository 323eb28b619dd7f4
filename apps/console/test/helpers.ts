import { applyD1Migrations, env, SELF } from 'cloudflare:test';

/** The console's origin in tests: writes carry it as `Origin`, as a browser on our pages would. */
export const ORIGIN = 'https://console.test';
export const CONSOLE_TOKEN = 'test-console-token';
export const BEARER = { authorization: `Bearer ${CONSOLE_TOKEN}` };

/** A request to the console worker; redirects are returned, not followed. */
export function call(path: string, init: RequestInit = {}): Promise<Response> {
  return SELF.fetch(`${ORIGIN}${path}`, { redirect: 'manual', ...init });
}

/** A form POST from our own pages (same Origin). */
export function postForm(path: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
  return call(path, { method: 'POST', headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams(fields).toString() });
}

/** The stub server's control API (reset, seed, request log). */
export async function stub(path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${env.STUB_URL}${path}`, body === undefined ? {} : { method: path === '/jwks' ? 'PUT' : 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return response.json();
}

export async function resetStub(): Promise<void> {
  await stub('/reset', {});
}

export async function migrate(): Promise<void> {
  await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
}

export type AuditRecord = { id: string; at: number; actor: string; action: string; target: string; detail: Record<string, unknown>; ip: string | null };

export async function auditRows(action?: string): Promise<AuditRecord[]> {
  const sql = action ? 'SELECT * FROM audit WHERE action = ? ORDER BY at, rowid' : 'SELECT * FROM audit ORDER BY at, rowid';
  const statement = action ? env.DB.prepare(sql).bind(action) : env.DB.prepare(sql);
  const { results } = await statement.all<Omit<AuditRecord, 'detail'> & { detail: string }>();
  return results.map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> }));
}

/** Sign in through the login page; the session cookie (`name=value`). */
export async function login(name = '小王'): Promise<string> {
  const response = await postForm('/login', { token: CONSOLE_TOKEN, name, next: '/' });
  const cookie = response.headers.get('set-cookie') ?? '';
  return cookie.split(';')[0] ?? '';
}
