import { createHash, createHmac } from 'node:crypto';

/**
 * Hash algorithms the platforms sign with. `node:crypto` rather than Web Crypto because Web Crypto
 * has no MD5 in Node and is async; `nodejs_compat` gives workerd the same synchronous API.
 */
export type HmacAlgorithm = 'md5' | 'sha1' | 'sha256';

/** Lowercase hex MD5 of the UTF-8 bytes of `s`. */
export function md5Hex(s: string): string {
  return createHash('md5').update(s, 'utf8').digest('hex');
}

/** Lowercase hex SHA-1 of the UTF-8 bytes of `s`. */
export function sha1Hex(s: string): string {
  return createHash('sha1').update(s, 'utf8').digest('hex');
}

/** Lowercase hex SHA-256 of the UTF-8 bytes of `s`. */
export function sha256Hex(s: string): string {
  return createHash('sha256').update(s, 'utf8').digest('hex');
}

/** Lowercase hex HMAC of `message` under `key`, both taken as UTF-8. */
export function hmacHex(alg: HmacAlgorithm, key: string, message: string): string {
  return createHmac(alg, key).update(message, 'utf8').digest('hex');
}

/** Standard (padded, not URL-safe) base64 HMAC of `message` under `key`, both taken as UTF-8. */
export function hmacBase64(alg: HmacAlgorithm, key: string, message: string): string {
  return createHmac(alg, key).update(message, 'utf8').digest('base64');
}
