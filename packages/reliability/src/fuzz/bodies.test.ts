import { describe, expect, it } from 'vitest';
import { seeded } from '../support/index.ts';
import { FUZZ_KINDS, fuzzBody, type FuzzTarget } from './bodies.ts';

const json: FuzzTarget = { format: 'json', limit: 4096, template: () => JSON.stringify({ messages: [{ type: 'buyer_text', msg_id: 'm1', text: '你好', sent_at: 1 }] }) };
const xml: FuzzTarget = { format: 'xml', limit: 4096, template: () => '<xml><ToUserName><![CDATA[ww1]]></ToUserName><Encrypt><![CDATA[abc]]></Encrypt></xml>' };

describe('fuzzBody', () => {
  it('should produce every kind of broken body, reproducibly for a seed', () => {
    const r = seeded(11);
    const kinds = new Set(Array.from({ length: 2000 }, () => fuzzBody(r, json).kind));
    expect([...kinds].sort()).toEqual([...FUZZ_KINDS].sort());
    const a = seeded(5);
    const b = seeded(5);
    for (let i = 0; i < 50; i++) expect(fuzzBody(a, xml)).toEqual(fuzzBody(b, xml));
  });

  it('should make oversized bodies larger than the limit, and bad UTF-8 that does not round-trip', () => {
    const r = seeded(12);
    const bodies = Array.from({ length: 3000 }, () => fuzzBody(r, json));
    for (const b of bodies.filter((x) => x.kind === 'oversized')) expect(b.bytes.length).toBeGreaterThan(json.limit);
    const decoder = new TextDecoder('utf-8', { fatal: true });
    for (const b of bodies.filter((x) => x.kind === 'bad-utf8')) expect(() => decoder.decode(b.bytes)).toThrow();
  });

  it('should keep wrong-typed JSON parseable, so it reaches the schema, not just the parser', () => {
    const r = seeded(13);
    const typed = Array.from({ length: 1000 }, () => fuzzBody(r, json)).filter((b) => b.kind === 'wrong-types');
    expect(typed.length).toBeGreaterThan(50);
    for (const b of typed) expect(() => JSON.parse(new TextDecoder().decode(b.bytes))).not.toThrow();
    expect(typed.some((b) => new TextDecoder().decode(b.bytes) !== json.template())).toBe(true);
  });
});
