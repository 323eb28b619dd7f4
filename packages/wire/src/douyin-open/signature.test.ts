import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { douyinOpenSignature } from './signature.ts';

describe('douyinOpenSignature', () => {
  it('should be the SHA-1 of the secret followed by the raw body', () => {
    const body = '{"event":"verify_webhook","client_key":"ck","content":{"challenge":12345}}';
    const expected = createHash('sha1').update(Buffer.from(`cs-secret${body}`, 'utf8')).digest('hex');
    expect(douyinOpenSignature('cs-secret', body)).toBe(expected);
    expect(douyinOpenSignature('', 'abc')).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
  });
});
