import { safeEqual } from '@kefu/wire';
import type { Reply, SandboxRequest, SandboxState, StandIn } from '../server/types.ts';

/** Made-up API credentials the stand-in checks (`cs rules … ` gets the same in its environment). */
const credentials = { CLOUDFLARE_API_TOKEN: 'cf-api-token-local', CLOUDFLARE_ACCOUNT_ID: 'local-account' };

type Entry = { value: string; metadata: unknown };

/** Each sandbox's namespaces: namespace id → key → entry (a sandbox starts empty). */
const stores = new WeakMap<SandboxState, Map<string, Map<string, Entry>>>();

function namespace(sandbox: SandboxState, id: string): Map<string, Entry> {
  const all = stores.get(sandbox) ?? (stores.set(sandbox, new Map()).get(sandbox) as Map<string, Map<string, Entry>>);
  return all.get(id) ?? (all.set(id, new Map()).get(id) as Map<string, Entry>);
}

/** Cloudflare's v4 envelope. Error codes: 10000 authentication, 10009 key not found (as the API answers). */
const ok = (result: unknown, extra: Record<string, unknown> = {}): Reply => ({ json: { success: true, errors: [], messages: [], result, ...extra } });
const fail = (status: number, code: number, message: string): Reply => ({ status, json: { success: false, errors: [{ code, message }], messages: [], result: null } });

const BASE = String.raw`^/client/v4/accounts/([^/]+)/storage/kv/namespaces/([^/]+)`;
const VALUES = new RegExp(`${BASE}/values/(.+)$`);
const METADATA = new RegExp(`${BASE}/metadata/(.+)$`);
const KEYS = new RegExp(`${BASE}/keys$`);

/** Parse the path and check the bearer token and account; a Reply when the request is refused. */
function open(request: SandboxRequest, pattern: RegExp, sandbox: SandboxState): { store: Map<string, Entry>; key: string } | Reply {
  const match = pattern.exec(request.path);
  if (!match) return fail(404, 7000, 'No route for that URI');
  const token = (request.headers.authorization ?? '').replace(/^Bearer\s+/i, '');
  if (!safeEqual(token, sandbox.config.CLOUDFLARE_API_TOKEN ?? '')) return fail(403, 10000, 'Authentication error');
  if (match[1] !== sandbox.config.CLOUDFLARE_ACCOUNT_ID) return fail(403, 10000, 'Authentication error');
  return { store: namespace(sandbox, decodeURIComponent(match[2] ?? '')), key: decodeURIComponent(match[3] ?? '') };
}

async function putValue(request: SandboxRequest, sandbox: SandboxState): Promise<Reply> {
  const opened = open(request, VALUES, sandbox);
  if (!('store' in opened)) return opened;
  const type = request.headers['content-type'] ?? '';
  if (!type.startsWith('multipart/form-data')) {
    opened.store.set(opened.key, { value: request.body, metadata: null });
    return ok({});
  }
  // Node's fetch Response parses multipart bodies the way the API does.
  const form = await new Response(request.body, { headers: { 'content-type': type } }).formData();
  const value = form.get('value');
  if (typeof value !== 'string') return fail(400, 10001, 'value is required');
  const rawMetadata = form.get('metadata');
  let metadata: unknown = null;
  if (typeof rawMetadata === 'string' && rawMetadata !== '') {
    try {
      metadata = JSON.parse(rawMetadata);
    } catch {
      return fail(400, 10012, 'metadata is not valid JSON');
    }
  }
  opened.store.set(opened.key, { value, metadata });
  return ok({});
}

function getValue(request: SandboxRequest, sandbox: SandboxState): Reply {
  const opened = open(request, VALUES, sandbox);
  if (!('store' in opened)) return opened;
  const entry = opened.store.get(opened.key);
  return entry ? { text: entry.value, headers: { 'content-type': 'application/octet-stream' } } : fail(404, 10009, "get: 'key not found'");
}

function getMetadata(request: SandboxRequest, sandbox: SandboxState): Reply {
  const opened = open(request, METADATA, sandbox);
  if (!('store' in opened)) return opened;
  const entry = opened.store.get(opened.key);
  return entry ? ok(entry.metadata) : fail(404, 10009, "get: 'key not found'");
}

/** Keys in lexicographic order, `limit` (default 1000) per page, an opaque cursor for the next page. */
function listKeys(request: SandboxRequest, sandbox: SandboxState): Reply {
  const opened = open(request, KEYS, sandbox);
  if (!('store' in opened)) return opened;
  const prefix = request.query.prefix ?? '';
  const limit = Math.min(Math.max(Number(request.query.limit ?? 1000) || 1000, 10), 1000);
  const start = Number(request.query.cursor || 0);
  const names = [...opened.store.keys()].filter((k) => k.startsWith(prefix)).sort();
  const page = names.slice(start, start + limit);
  const cursor = start + limit < names.length ? String(start + limit) : '';
  return ok(
    page.map((name) => ({ name, ...(opened.store.get(name)?.metadata != null ? { metadata: opened.store.get(name)?.metadata } : {}) })),
    { result_info: { count: page.length, cursor } },
  );
}

/**
 * Cloudflare's REST API for Workers KV (`/client/v4/accounts/<account>/storage/kv/namespaces/<ns>/…`):
 * values (GET, PUT raw or multipart with `metadata`), metadata and key listing, behind a bearer
 * API token — what `cs rules push` uses when it is not `--local`. Recorded as `cloudflare:kv`.
 */
export const cloudflareKv: StandIn = {
  name: 'cloudflare-kv',
  credentials,
  operator: true,
  routes: [
    { method: 'GET', path: VALUES, channel: 'cloudflare:kv', handle: getValue },
    { method: 'PUT', path: VALUES, channel: 'cloudflare:kv', handle: putValue },
    { method: 'GET', path: METADATA, channel: 'cloudflare:kv', handle: getMetadata },
    { method: 'GET', path: KEYS, channel: 'cloudflare:kv', handle: listKeys },
  ],
};
