import { sha1Hex } from '../digest/index.ts';

/**
 * WeCom `msg_signature` (protocols §5.1/§5.2, CONFIRMED): lowercase hex SHA-1 of the token,
 * timestamp, nonce and `Encrypt` (or `echostr`) sorted as strings and joined with nothing between.
 * Compare with {@link safeEqual} before decrypting anything.
 */
export function wecomSignature(token: string, timestamp: string, nonce: string, encrypt: string): string {
  return sha1Hex([token, timestamp, nonce, encrypt].sort().join(''));
}
