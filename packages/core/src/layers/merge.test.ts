import { describe, expect, it } from 'vitest';
import { parseRules } from '../rules/parse.ts';
import { fixtureRules } from '../test-support/rules.fixture.ts';
import { checkRuleLayer } from './layer.ts';
import { mergeRuleLayers } from './merge.ts';

function merged(layers: unknown[]): Record<string, unknown> {
  const result = mergeRuleLayers(layers);
  if (result.kind !== 'ok') throw new Error(JSON.stringify(result.errors));
  return result.document;
}

describe('mergeRuleLayers', () => {
  it('should deep-merge objects, keeping what the more specific layer does not mention', () => {
    const doc = merged([{ shop: { name: '总店', returnDays: 7, couriers: ['中通'] } }, { shop: { name: '分店' } }]);
    expect(doc).toEqual({ shop: { name: '分店', returnDays: 7, couriers: ['中通'] } });
  });

  it('should replace arrays and scalars whole, null included', () => {
    const doc = merged([
      { shop: { couriers: ['中通', '顺丰'], returnDays: 7 }, hours: { weekly: { mon: [{ start: '09:00', end: '18:00' }] } }, version: 'a' },
      { shop: { couriers: ['顺丰'], returnDays: null }, hours: { weekly: { mon: [] } }, version: 'b' },
    ]);
    expect(doc).toEqual({ shop: { couriers: ['顺丰'], returnDays: null }, hours: { weekly: { mon: [] } }, version: 'b' });
  });

  it('should let an object replace a scalar and a scalar replace an object', () => {
    expect(merged([{ policies: 1 }, { policies: { away: true } }])).toEqual({ policies: { away: true } });
    expect(merged([{ policies: { away: true } }, { policies: 'off' }])).toEqual({ policies: 'off' });
  });

  it('should merge the FAQ by id: replace whole in place, append new ids, remove on request', () => {
    const global = { faq: [{ id: 'a', answers: ['A'], examples: ['x'] }, { id: 'b', answers: ['B'] }, { id: 'c', answers: ['C'] }] };
    const shop = { faq: [{ id: 'd', answers: ['D'] }, { id: 'a', answers: ['A2'] }, { id: 'b', remove: true }] };
    expect(merged([global, shop]).faq).toEqual([{ id: 'a', answers: ['A2'] }, { id: 'c', answers: ['C'] }, { id: 'd', answers: ['D'] }]);
  });

  it('should inherit the FAQ when a layer has none, and ignore removing an id nobody defined', () => {
    const global = { faq: [{ id: 'a' }] };
    expect(merged([global, { shop: { name: 'x' } }]).faq).toEqual([{ id: 'a' }]);
    expect(merged([global, { faq: [{ id: 'zzz', remove: true }] }]).faq).toEqual([{ id: 'a' }]);
    expect(merged([{ faq: [{ id: 'a', remove: true }] }]).faq).toEqual([]);
    expect(merged([{ shop: {} }])).not.toHaveProperty('faq');
  });

  it('should fold layer by layer: three layers merge like two merged, then the third', () => {
    const a = { shop: { name: 'a', returnDays: 7 }, faq: [{ id: '1' }, { id: '2' }] };
    const b = { shop: { name: 'b' }, faq: [{ id: '2', remove: true }, { id: '3' }] };
    const c = { shop: { returnDays: 15 }, faq: [{ id: '2' }] };
    expect(merged([a, b, c])).toEqual(merged([merged([a, b]), c]));
    expect(merged([a, b, c])).toEqual({ shop: { name: 'b', returnDays: 15 }, faq: [{ id: '1' }, { id: '3' }, { id: '2' }] });
  });

  it('should neither change its inputs nor share objects with them', () => {
    const global = { shop: { name: 'a', couriers: ['x'] }, faq: [{ id: 'a', answers: ['A'] }] };
    const before = structuredClone(global);
    const doc = merged([global, { shop: { returnDays: 3 } }]);
    expect(global).toEqual(before);
    (doc.shop as { couriers: string[] }).couriers.push('y');
    (doc.faq as { answers: string[] }[])[0]!.answers.push('B');
    expect(global).toEqual(before);
  });

  it('should give a whole document merged over nothing back as is, and nothing for no layers', () => {
    const rules = fixtureRules();
    expect(merged([rules])).toEqual(rules);
    expect(merged([])).toEqual({});
  });

  it('should produce rules parseRules accepts from a full global layer and a small shop layer', () => {
    const shop = {
      shop: { name: '旗舰店', returnDays: 15 },
      hours: { overrides: [{ date: '2026-11-11', slots: [{ start: '00:00', end: '24:00' }], note: '双十一' }] },
      faq: [{ id: 'courier', remove: true }, { id: 'gift', intent: 'other', keywords: { any: ['赠品'] }, examples: ['有赠品吗'], answers: ['亲,下单就送小礼品哦~'] }],
    };
    const parsed = parseRules(merged([fixtureRules(), shop]));
    expect(parsed.kind).toBe('ok');
    if (parsed.kind !== 'ok') return;
    expect(parsed.rules.shop).toMatchObject({ name: '旗舰店', returnDays: 15, shipWithinHours: 48 });
    expect(parsed.rules.hours.weekly.mon).toEqual([{ start: '09:00', end: '18:00' }]);
    expect(parsed.rules.faq.map((r) => r.id)).toEqual(['shipping-time', 'damaged', 'where-is-my-order', 'greeting', 'gift']);
  });

  it('should keep a "__proto__" key as data, so the strict schema refuses it', () => {
    const doc = merged([fixtureRules(), JSON.parse('{"shop":{"__proto__":{"name":"x"}}}')]);
    expect(Object.getPrototypeOf(doc.shop)).toBe(Object.prototype);
    expect(Object.keys(doc.shop as object)).toContain('__proto__');
    const parsed = parseRules(doc);
    expect(parsed.kind === 'invalid' && parsed.errors.map((e) => e.path)).toEqual(['shop']);
  });

  it('should refuse a layer that fails the top-level check, saying which layer', () => {
    const result = mergeRuleLayers([{ shop: {} }, { shpo: {} }]);
    expect(result).toEqual({ kind: 'invalid', errors: [{ path: 'shpo', message: expect.stringMatching(/^layer 2 of 2: unknown rules key "shpo"/) }] });
  });
});

describe('checkRuleLayer', () => {
  it('should accept any subset of the rules keys, a whole document included', () => {
    expect(checkRuleLayer({}).kind).toBe('ok');
    expect(checkRuleLayer({ shop: { name: 'x' }, version: '3' }).kind).toBe('ok');
    expect(checkRuleLayer(fixtureRules()).kind).toBe('ok');
  });

  it('should refuse what is not a JSON object', () => {
    for (const junk of [null, 42, 'rules', [], [{ shop: {} }]]) {
      expect(checkRuleLayer(junk)).toEqual({ kind: 'invalid', errors: [{ path: '(root)', message: 'a rules layer must be a JSON object' }] });
    }
  });

  it('should refuse unknown top-level keys, naming each', () => {
    const checked = checkRuleLayer({ shop: {}, shops: {}, FAQ: [] });
    expect(checked.kind === 'invalid' && checked.errors.map((e) => e.path)).toEqual(['shops', 'FAQ']);
  });

  it('should refuse FAQ entries that cannot merge by id', () => {
    const checked = checkRuleLayer({ faq: [{ id: 'a' }, { answers: [] }, 'x', { id: '' }, { id: 'a' }, { id: 'b', remove: false }, { id: 'c', remove: true, answers: [] }] });
    expect(checked.kind === 'invalid' && checked.errors.map((e) => e.path)).toEqual(['faq[1].id', 'faq[2].id', 'faq[3].id', 'faq[4].id', 'faq[5]', 'faq[6]']);
    expect(checkRuleLayer({ faq: {} })).toEqual({ kind: 'invalid', errors: [{ path: 'faq', message: 'must be a list of FAQ rules' }] });
  });
});
