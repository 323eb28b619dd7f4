import { chinaTimestamp, sortedConcat } from '../canonical/index.ts';
import { hmacHex, md5Hex } from '../digest/index.ts';

/** The `sign_method` values the JD JOS SDK (京东宙斯) knows. */
export const JOS_SIGN_METHODS = ['md5', 'hmacsha256', 'hmacmd5'] as const;

/** One of {@link JOS_SIGN_METHODS}. */
export type JosSignMethod = (typeof JOS_SIGN_METHODS)[number];

/**
 * Signs a JD JOS request (protocols §4.1, PARTIAL): the method comes from `params.sign_method`
 * (absent means `md5`); the string is `secret + sorted(key+value) + secret` over every parameter
 * but `sign` with a value (empty values are skipped, as the decompiled JOS SDK
 * pingjiang/jd-open-api-sdk-src@53db3a33 does), `360buy_param_json` included. Returns UPPERCASE hex.
 *
 * UNCONFIRMED: for `hmacsha256` / `hmacmd5` we key the HMAC by the secret AND keep the secret
 * wrapping, and we uppercase; no source showed either. Verify against JD before relying on them.
 */
export function signJos(params: Record<string, string>, secret: string): string {
  const method = params.sign_method || 'md5';
  const wrapped = secret + sortedConcat(params, { skipEmpty: true }) + secret;
  switch (method) {
    case 'md5':
      return md5Hex(wrapped).toUpperCase();
    case 'hmacsha256':
      return hmacHex('sha256', secret, wrapped).toUpperCase(); // UNCONFIRMED
    case 'hmacmd5':
      return hmacHex('md5', secret, wrapped).toUpperCase(); // UNCONFIRMED
    default:
      throw new RangeError(`sign_method must be one of ${JOS_SIGN_METHODS.join(', ')}, got "${method}"`);
  }
}

/** JOS's `timestamp` parameter: `yyyy-MM-dd HH:mm:ss` in GMT+8. */
export function josTimestamp(epochMs: number): string {
  return chinaTimestamp(epochMs);
}
