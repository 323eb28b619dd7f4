// Runs in Node (vitest global setup), not in workerd. One local HTTP server plays:
//   * the Cloudflare Access certs endpoint (JWKS): tests PUT the public key they generated, the
//     console fetches `GET /certs` exactly as it would fetch https://<team>/cdn-cgi/access/certs;
//   * platform workers' admin routes (`/platform/<name>/__kefu/*`), in memory, with bearer
//     `local-inspect`, answering in the shapes packages/runtime does (rules-admin.ts,
//     inspect-escalations.ts; errors as `{error: {code, message, ...details}}`);
//   * a control API for tests: `POST /reset`, `POST /seed/<platform>`, `GET /log`.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, join } from 'node:path';

export const STUB_INSPECT_TOKEN = 'local-inspect';

type Meta = { version: number; sha256: string; publishedAt: number; author: string; message: string; parent: number | null; bytes: number };
type Layer = { versions: { meta: Meta; document: Record<string, unknown> }[]; active: number | null; rolledBackFrom?: number };
type PlatformState = { layers: Map<string, Layer>; escalations: Record<string, unknown>[]; deadLetters: Record<string, unknown>[]; sla: Record<string, unknown>[] };
type Logged = { method: string; path: string; body: unknown };

/** The repo's rules directory as one document (the same assembly `cs rules` does). */
export async function readRules(dir: string): Promise<Record<string, unknown>> {
  const doc: Record<string, unknown> = {};
  for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.isFile() && entry.name.endsWith('.json')) doc[basename(entry.name, '.json')] = JSON.parse(await readFile(join(dir, entry.name), 'utf8'));
    else if (entry.isDirectory()) {
      const files = (await readdir(join(dir, entry.name))).filter((f) => f.endsWith('.json')).sort();
      doc[entry.name] = await Promise.all(files.map(async (f) => JSON.parse(await readFile(join(dir, entry.name, f), 'utf8'))));
    }
  }
  return doc;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Objects deep-merge, arrays and scalars replace: enough of the real merge for a stand-in. */
function merge(a: unknown, b: unknown): unknown {
  if (!isObject(a) || !isObject(b)) return b;
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = k in a ? merge(a[k], v) : v;
  return out;
}

const keyOf = (scope: string, platform: string, shop: string | null) => (scope === 'global' ? 'rules:global' : scope === 'platform' ? `rules:platform:${platform}` : `rules:shop:${platform}:${shop ?? ''}`);

async function body(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : undefined;
}

function send(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(value));
}

/** An error the way the runtime's HttpError answers. */
const fail = (res: ServerResponse, status: number, code: string, message: string, details: Record<string, unknown> = {}) => send(res, status, { error: { ...details, code, message } });

export async function startStubServer(rules: Record<string, unknown>): Promise<{ url: string; close: () => Promise<void> }> {
  let jwks: unknown = { keys: [] };
  let platforms = new Map<string, PlatformState>();
  let log: Logged[] = [];
  const state = (p: string) => {
    let s = platforms.get(p);
    if (!s) platforms.set(p, (s = { layers: new Map(), escalations: [], deadLetters: [], sla: [] }));
    return s;
  };
  const publish = (s: PlatformState, key: string, document: Record<string, unknown>, author: string, message: string) => {
    const layer = s.layers.get(key) ?? { versions: [], active: null };
    const text = JSON.stringify(document);
    const sha256 = createHash('sha256').update(text).digest('hex');
    const active = layer.versions.find((v) => v.meta.version === layer.active);
    if (active?.meta.sha256 === sha256) return { version: active.meta.version, sha256, unchanged: true };
    const version = layer.versions.length + 1;
    layer.versions.push({ meta: { version, sha256, publishedAt: Date.now(), author, message, parent: layer.active, bytes: text.length }, document });
    layer.active = version;
    delete layer.rolledBackFrom;
    s.layers.set(key, layer);
    return { version, sha256, unchanged: false };
  };
  const reset = () => {
    platforms = new Map();
    log = [];
    for (const p of ['jd', 'taobao']) publish(state(p), 'rules:global', rules, 'seed', 'the repo rules');
  };
  reset();

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://stub');
      const parts = url.pathname.split('/').filter(Boolean);
      if (req.method === 'PUT' && url.pathname === '/jwks') {
        jwks = await body(req);
        return send(res, 200, { ok: true });
      }
      if (req.method === 'GET' && url.pathname === '/certs') return send(res, 200, jwks);
      if (req.method === 'POST' && url.pathname === '/reset') {
        reset();
        return send(res, 200, { ok: true });
      }
      if (req.method === 'GET' && url.pathname === '/log') return send(res, 200, log);
      if (req.method === 'POST' && parts[0] === 'seed' && parts[1]) {
        const seed = (await body(req)) as Partial<Omit<PlatformState, 'layers'>> & { layers?: { scope: string; shop?: string; document: Record<string, unknown> }[] };
        const s = state(parts[1]);
        Object.assign(s, { escalations: seed.escalations ?? s.escalations, deadLetters: seed.deadLetters ?? s.deadLetters, sla: seed.sla ?? s.sla });
        for (const l of seed.layers ?? []) publish(s, keyOf(l.scope, parts[1], l.shop ?? null), l.document, 'seed', 'seeded');
        return send(res, 200, { ok: true });
      }
      if (parts[0] !== 'platform' || !parts[1]) return fail(res, 404, 'not_found', url.pathname);
      const platform = parts[1];
      const route = `/${parts.slice(2).join('/')}`;
      if (route === '/health') return send(res, 200, { ok: true, platform });
      if (req.headers.authorization !== `Bearer ${STUB_INSPECT_TOKEN}`) return fail(res, 401, 'unauthorized', 'bad inspection token');
      const input = req.method === 'POST' ? ((await body(req)) as Record<string, unknown>) : undefined;
      log.push({ method: req.method ?? '', path: `/platform/${platform}${route}${url.search}`, body: input });
      const s = state(platform);
      const q = (name: string) => url.searchParams.get(name);
      const scope = (input?.scope as string | undefined) ?? q('scope') ?? 'global';
      const shop = (input?.shop as string | undefined) ?? q('shop');
      const key = keyOf(scope, platform, shop);
      const layer = s.layers.get(key);
      const pointer = (l: Layer | undefined) => {
        const v = l?.versions.find((x) => x.meta.version === l.active);
        return v ? { pointer: 'kefu.rules/1', ...v.meta, ...(l?.rolledBackFrom ? { rolledBackFrom: l.rolledBackFrom } : {}) } : null;
      };

      if (req.method === 'GET' && route === '/__kefu/rules') {
        const scopes = shop ? ['global', 'platform', 'shop'] : ['global', 'platform'];
        const layers = scopes.map((sc) => {
          const k = keyOf(sc, platform, shop);
          const l = s.layers.get(k);
          return { scope: sc, key: k, active: pointer(l), legacy: false, bytes: pointer(l)?.bytes ?? 0 };
        });
        let resolved: unknown = {};
        for (const l of layers) {
          const v = s.layers.get(l.key);
          const doc = v?.versions.find((x) => x.meta.version === v.active)?.document;
          if (doc) resolved = merge(resolved, doc);
        }
        const bad = isObject(resolved) && '__bad' in resolved;
        return send(res, 200, {
          platform,
          shop,
          layers,
          resolved: bad ? { kind: 'invalid', errors: [{ path: '__bad', message: 'Unrecognized key' }] } : { kind: 'ok', document: resolved },
          serving: { kind: 'ok' },
        });
      }
      if (req.method === 'GET' && route === '/__kefu/rules/versions') {
        return send(res, 200, { scope, key, active: layer?.active ?? null, versions: [...(layer?.versions ?? [])].reverse().map((v) => v.meta) });
      }
      if (req.method === 'GET' && route === '/__kefu/rules/version') {
        const v = layer?.versions.find((x) => x.meta.version === Number(q('version')));
        return v ? send(res, 200, { meta: v.meta, document: v.document }) : fail(res, 404, 'not_found', `no version ${q('version')} of ${key}`);
      }
      const invalid = (doc: unknown) => (isObject(doc) && '__bad' in doc ? [{ path: '__bad', message: 'Unrecognized key: "__bad"' }] : []);
      const lint = (doc: unknown) => (isObject(doc) && 'faq' in doc ? [{ level: 'warning', path: 'faq[0].examples', code: 'few-examples', message: 'x: 2 examples, 8+ recommended' }] : []);
      if (req.method === 'POST' && route === '/__kefu/rules/check') {
        const errors = invalid(input?.document);
        return send(res, 200, { ok: errors.length === 0, errors, lint: lint(input?.document), ...(shop ? { resolvedFor: { shop } } : {}) });
      }
      if (req.method === 'POST' && route === '/__kefu/rules/push') {
        if (input?.expectActive !== undefined && input.expectActive !== (layer?.active ?? null)) {
          return fail(res, 409, 'conflict', `the active version is ${layer?.active ?? 'none'}, not ${String(input.expectActive)}: someone changed it; look again`, { active: layer?.active ?? null, expected: input.expectActive });
        }
        const errors = invalid(input?.document);
        if (errors.length > 0) return fail(res, 422, 'invalid', 'the rules do not validate; nothing was written', { errors, lint: lint(input?.document) });
        return send(res, 200, publish(s, key, input?.document as Record<string, unknown>, String(input?.author), String(input?.message)));
      }
      if (req.method === 'POST' && route === '/__kefu/rules/rollback') {
        if (!layer || layer.active === null) return fail(res, 404, 'not_found', `${key} has no active version`);
        if (input?.expectActive !== undefined && input.expectActive !== layer.active) return fail(res, 409, 'conflict', `the active version is ${layer.active}, not ${String(input.expectActive)}`, { active: layer.active, expected: input.expectActive });
        const target = typeof input?.version === 'number' ? input.version : layer.versions.find((v) => v.meta.version === layer.active)?.meta.parent;
        if (!layer.versions.some((v) => v.meta.version === target)) return fail(res, 404, 'not_found', `no version ${String(target)} of ${key}`);
        const from = layer.active;
        layer.active = target as number;
        layer.rolledBackFrom = from;
        return send(res, 200, { version: target, from });
      }
      const limit = Number(q('limit') ?? 50);
      if ((route === '/__kefu/escalations' || route === '/__kefu/dead-letters') && !(limit >= 1 && limit <= 200)) return fail(res, 400, 'bad_request', 'limit: Too big: expected number to be <=200');
      if (req.method === 'GET' && route === '/__kefu/escalations') {
        const rows = s.escalations.filter((e) => (!q('status') || e.status === q('status')) && (!shop || e.shop === shop));
        return send(res, 200, { platform, escalations: rows.slice(0, limit) });
      }
      if (req.method === 'GET' && route === '/__kefu/dead-letters') return send(res, 200, { platform, deadLetters: s.deadLetters.slice(0, limit) });
      if (req.method === 'POST' && parts[2] === '__kefu' && parts[3] === 'dead-letters' && parts[5] === 'retry') {
        const id = decodeURIComponent(parts[4] ?? '');
        const row = s.deadLetters.find((d) => d.id === id);
        if (!row) return fail(res, 404, 'not_found', `no dead letter ${id}`);
        if (row.retryable === false) return fail(res, 422, 'not_retryable', String(row.notRetryable ?? 'not retryable'));
        if (row.state !== 'dead') return fail(res, 409, 'already_requeued', `${id} is already back on the queue`);
        Object.assign(row, { state: 'requeued', retriedAt: Date.now(), retryCount: Number(row.retryCount ?? 0) + 1 });
        return send(res, 200, { id, requeued: true, retryCount: row.retryCount });
      }
      if (req.method === 'GET' && route === '/__kefu/sla') return send(res, 200, { platform, shop, days: s.sla });
      return fail(res, 404, 'not_found', `no route ${req.method} ${route}`);
    })().catch((error: unknown) => fail(res, 500, 'stub', (error as Error).message));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
