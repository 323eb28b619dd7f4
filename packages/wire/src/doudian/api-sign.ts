import { hmacHex, md5Hex } from '../digest/index.ts';

/** The five parameters a 抖店 API request signs; `access_token` and `sign_method` are not signed. */
export type DoudianApiParams = {
  app_key: string;
  /** Dotted API name, e.g. `order.searchList`. */
  method: string;
  /** Compact JSON with keys sorted recursively, `{}` when empty; the exact string sent as the body. */
  param_json: string;
  /** Unix seconds as sent in the query. */
  timestamp: string;
  /** Always `2` today. */
  v: string;
};

/** The doudian `sign_method` query value. */
export type DoudianApiSignMethod = 'md5' | 'hmac-sha256';

/** Signed keys in ascending order, listed rather than sorted so stray runtime keys cannot sneak in. */
const SIGNED_KEYS = ['app_key', 'method', 'param_json', 'timestamp', 'v'] as const;

/**
 * Signs a 抖店 open-platform API call (protocols §1.2, CONFIRMED against the official Go and Java
 * SDKs): `secret + key+value for the five keys in order + secret`, then lowercase hex MD5 or
 * HMAC-SHA256 keyed by the secret.
 */
export function doudianApiSign(params: DoudianApiParams, appSecret: string, signMethod: DoudianApiSignMethod): string {
  const pattern = appSecret + SIGNED_KEYS.map((key) => key + params[key]).join('') + appSecret;
  return signMethod === 'hmac-sha256' ? hmacHex('sha256', appSecret, pattern) : md5Hex(pattern);
}
