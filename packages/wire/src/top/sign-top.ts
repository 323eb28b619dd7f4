import { chinaTimestamp, sortedConcat } from '../canonical/index.ts';
import { hmacHex, md5Hex } from '../digest/index.ts';

/** The `sign_method` values the TOP gateway (淘宝开放平台) accepts. */
export const TOP_SIGN_METHODS = ['md5', 'hmac', 'hmac-sha256'] as const;

/** One of {@link TOP_SIGN_METHODS}. */
export type TopSignMethod = (typeof TOP_SIGN_METHODS)[number];

/**
 * Signs a Taobao TOP request (protocols §2.1, CONFIRMED against the official Java SDK).
 *
 * The method comes from `params.sign_method` (absent means `md5`) because that parameter is itself
 * signed, so reading it from one place keeps the two from disagreeing. Concatenation is the sorted
 * `key+value` of every non-empty parameter except `sign`, then `body` when given (the batch/奇门
 * "with body" variant). `md5` wraps that with the secret on both sides; `hmac` (HMAC-MD5) and
 * `hmac-sha256` key by the secret with no wrapping. Returns UPPERCASE hex.
 *
 * @example signTop({ method: 'taobao.time.get', app_key, timestamp, format: 'json', v: '2.0', sign_method: 'md5' }, secret)
 */
export function signTop(params: Record<string, string>, secret: string, body?: string): string {
  const method = params.sign_method || 'md5';
  const concat = sortedConcat(params, { skipEmpty: true }) + (body ?? '');
  switch (method) {
    case 'md5':
      return md5Hex(secret + concat + secret).toUpperCase();
    case 'hmac':
      return hmacHex('md5', secret, concat).toUpperCase();
    case 'hmac-sha256':
      return hmacHex('sha256', secret, concat).toUpperCase();
    default:
      // The Java SDK silently falls back to a half-wrapped MD5 here, which the gateway rejects.
      throw new RangeError(`sign_method must be one of ${TOP_SIGN_METHODS.join(', ')}, got "${method}"`);
  }
}

/** TOP's `timestamp` parameter: `yyyy-MM-dd HH:mm:ss` in GMT+8. */
export function topTimestamp(epochMs: number): string {
  return chinaTimestamp(epochMs);
}
