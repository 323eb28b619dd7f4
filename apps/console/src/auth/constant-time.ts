import { utf8 } from './base64url.ts';

/**
 * Compare two secrets in constant time. Both sides are hashed first, so neither the position of
 * the first differing byte nor the token's length shows in the timing.
 */
export async function safeEqual(given: string, expected: string): Promise<boolean> {
  const [a, b] = await Promise.all([crypto.subtle.digest('SHA-256', utf8(given)), crypto.subtle.digest('SHA-256', utf8(expected))]);
  const x = new Uint8Array(a);
  const y = new Uint8Array(b);
  let diff = 0;
  for (let i = 0; i < x.length; i += 1) diff |= (x[i] ?? 0) ^ (y[i] ?? 0);
  return diff === 0;
}
