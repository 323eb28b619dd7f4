import { utf8 } from '@kefu/wire';
import { describe, expect, it } from 'vitest';
import { cutUtf8, MAX_CONTENT_BYTES, msgidFor } from './send-fields.ts';

describe('msgidFor', () => {
  it('should give 32 characters WeCom accepts, the same for a retried action, different per action', () => {
    const id = msgidFor('wmBuyer-msg-1#0');
    expect(id).toMatch(/^[0-9a-zA-Z_-]{1,32}$/);
    expect(id).toHaveLength(32);
    expect(msgidFor('wmBuyer-msg-1#0')).toBe(id);
    expect(msgidFor('wmBuyer-msg-1#1')).not.toBe(id);
  });
});

describe('cutUtf8', () => {
  it('should leave text within 2048 bytes alone', () => {
    const text = '亲'.repeat(682); // 2046 bytes
    expect(cutUtf8(text)).toBe(text);
  });

  it('should cut on a character boundary, never splitting a character or an emoji', () => {
    const cut = cutUtf8('a' + '亲'.repeat(700));
    expect(utf8(cut).length).toBeLessThanOrEqual(MAX_CONTENT_BYTES);
    expect(cut).toBe('a' + '亲'.repeat(682)); // 1 + 2046 bytes; one more 亲 would make 2050
    const emoji = cutUtf8('x'.repeat(2046) + '😀😀');
    expect(emoji).toBe('x'.repeat(2046));
    expect(cutUtf8('ab😀', 5)).toBe('ab');
    expect(cutUtf8('ab😀', 6)).toBe('ab😀');
  });
});
