import { errcodeOf, describeError, RETRY_ERRCODES } from './errcodes.ts';
import { wecomConfig, type WecomEnv } from './env.ts';
import { getJson } from './http.ts';

/** An access_token, or why there is none. */
export type TokenResult =
  /** Usable now. */
  | { kind: 'token'; token: string }
  /** gettoken failed for now (network, 5xx, busy): retry later. */
  | { kind: 'retry'; reason: string }
  /** gettoken refused our CorpID/Secret: a configuration error, retrying will not help. */
  | { kind: 'refused'; reason: string };

type Cached = { corpId: string; token: string; expiresAt: number };

/** KV key of the shared cache (in the RULES namespace, beside the rules documents). */
export const TOKEN_KV_KEY = 'wecom:token';
/** Renew this long before WeCom's `expires_in` runs out, so a token never dies mid-request. */
const RENEW_EARLY_MS = 5 * 60_000;
/** KV's shortest expiration TTL. */
const KV_MIN_TTL_S = 60;

// The isolate's copy: most calls need no KV read at all.
let isolateCache: Cached | undefined;

/**
 * The access_token for WECOM_CORP_ID, cached in the isolate and in KV until shortly before
 * `expires_in`. `avoid` is a token WeCom just rejected: it is neither served from a cache nor kept.
 * gettoken: `GET {WECOM_API_BASE}/cgi-bin/gettoken?corpid=…&corpsecret=…` (protocols §5.4, CONFIRMED).
 */
export async function accessToken(env: WecomEnv, avoid?: string): Promise<TokenResult> {
  const config = wecomConfig(env);
  const now = Date.now();
  const usable = (c: Cached | null | undefined): c is Cached => !!c && c.corpId === config.corpId && c.expiresAt > now && c.token !== avoid;
  if (usable(isolateCache)) return { kind: 'token', token: isolateCache.token };
  const shared = await env.RULES.get<Cached>(TOKEN_KV_KEY, 'json').catch(() => null);
  if (usable(shared)) {
    isolateCache = shared;
    return { kind: 'token', token: shared.token };
  }

  const url = `${config.apiBase}/cgi-bin/gettoken?corpid=${encodeURIComponent(config.corpId)}&corpsecret=${encodeURIComponent(config.secret)}`;
  const answer = await getJson(url);
  if (answer.kind !== 'json') return { kind: answer.kind, reason: `gettoken: ${answer.reason}` };
  const { body } = answer;
  const errcode = errcodeOf(body);
  if (errcode !== 0) {
    const reason = `gettoken ${describeError(body)}`;
    return RETRY_ERRCODES.has(errcode) ? { kind: 'retry', reason } : { kind: 'refused', reason: `${reason} (check WECOM_CORP_ID / WECOM_SECRET)` };
  }
  if (typeof body.access_token !== 'string' || body.access_token === '' || typeof body.expires_in !== 'number') {
    return { kind: 'retry', reason: 'gettoken answered without access_token / expires_in' };
  }
  const lifetimeMs = Math.max(body.expires_in * 1000 - RENEW_EARLY_MS, 0);
  const fresh: Cached = { corpId: config.corpId, token: body.access_token, expiresAt: now + lifetimeMs };
  isolateCache = fresh;
  if (lifetimeMs >= KV_MIN_TTL_S * 1000) {
    await env.RULES.put(TOKEN_KV_KEY, JSON.stringify(fresh), { expirationTtl: Math.floor(lifetimeMs / 1000) }).catch((error: unknown) => console.warn('wecom: access_token not cached in KV', error));
  }
  return { kind: 'token', token: fresh.token };
}
