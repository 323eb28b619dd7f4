import { sortedConcat } from '../canonical/index.ts';
import { md5Hex } from '../digest/index.ts';

/**
 * Signs a Pinduoduo (拼多多) open-platform request (protocols §3.1, CONFIRMED):
 * UPPERCASE hex MD5 of `secret + sorted(key+value) + secret`, every parameter but `sign`, empty
 * values included. Objects and arrays must already be `JSON.stringify`'d, exactly as sent.
 */
export function signPdd(params: Record<string, string>, secret: string): string {
  return md5Hex(secret + sortedConcat(params) + secret).toUpperCase();
}
