import { timingSafeEqual } from 'node:crypto';
import { utf8 } from '../encoding/index.ts';

/**
 * Constant-time string comparison for signatures, so a forger cannot learn a valid signature one
 * byte at a time from response timing. Only the length can leak, and a signature's length is public.
 * Compares exactly: callers normalise case first when a platform's hex case varies.
 */
export function safeEqual(a: string, b: string): boolean {
  const x = utf8(a);
  const y = utf8(b);
  if (x.length !== y.length) return false;
  return timingSafeEqual(x, y);
}
