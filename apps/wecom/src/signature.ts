import type { Verdict } from '@kefu/runtime';
import { safeEqual, wecomSignature } from '@kefu/wire';

/**
 * Our replay policy: a callback whose `timestamp` is more than 10 minutes away from our clock is
 * refused. WeCom signs the timestamp but publishes no freshness rule, so the window is ours; it is
 * wide enough for WeCom's own retries and clock drift. A replay inside the window only makes us pull
 * `sync_msg` again, which is harmless: the cursor moves on and conversations dedupe by msgid.
 */
export const MAX_CLOCK_SKEW_MS = 10 * 60_000;

/** The signed query WeCom puts on every callback URL (protocols §5.1/§5.2). */
export type SignedQuery = { msgSignature: string; timestamp: string; nonce: string };

/** The signed query, or why it is unusable. */
export function signedQuery(params: URLSearchParams): SignedQuery | { missing: string } {
  const msgSignature = params.get('msg_signature');
  const timestamp = params.get('timestamp');
  const nonce = params.get('nonce');
  if (!msgSignature) return { missing: 'msg_signature' };
  if (!timestamp) return { missing: 'timestamp' };
  if (nonce === null) return { missing: 'nonce' };
  return { msgSignature, timestamp, nonce };
}

/**
 * Check `msg_signature = sha1(sort(token, timestamp, nonce, encrypted).join(''))` in constant time,
 * then the timestamp against {@link MAX_CLOCK_SKEW_MS}. `encrypted` is the `Encrypt` field (POST)
 * or the `echostr` (GET URL check).
 */
export function checkSignature(token: string, query: SignedQuery, encrypted: string, now: number): Verdict {
  const expected = wecomSignature(token, query.timestamp, query.nonce, encrypted);
  if (!safeEqual(query.msgSignature.toLowerCase(), expected)) return { kind: 'rejected', reason: 'msg_signature does not match (wrong WECOM_TOKEN, or forged)' };
  if (!/^\d{1,12}$/.test(query.timestamp)) return { kind: 'rejected', reason: `timestamp "${query.timestamp.slice(0, 20)}" is not unix seconds` };
  const skew = Math.abs(now - Number(query.timestamp) * 1000);
  if (skew > MAX_CLOCK_SKEW_MS) return { kind: 'rejected', reason: `timestamp is ${Math.round(skew / 60_000)} min away from our clock (replay window is 10 min)` };
  return { kind: 'ok' };
}
