import { describe, expect, it } from 'vitest';
import { diffJson, jsonEqual, preview, summarize } from './json-diff.ts';

describe('diffJson', () => {
  it('should find nothing between equal documents, whatever their key order', () => {
    expect(diffJson({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 })).toEqual([]);
    expect(jsonEqual({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(true);
  });

  it('should report added, removed and changed keys with their paths', () => {
    const before = { shop: { name: '小店', returnDays: 7 }, hours: { mon: ['09:00-18:00'] } };
    const after = { shop: { name: '小店旗舰店', couriers: ['顺丰'] }, hours: { mon: ['09:00-18:00'] } };
    expect(diffJson(before, after)).toEqual([
      { op: 'changed', path: 'shop.name', before: '小店', after: '小店旗舰店' },
      { op: 'removed', path: 'shop.returnDays', before: 7 },
      { op: 'added', path: 'shop.couriers', after: ['顺丰'] },
    ]);
  });

  it('should match FAQ rules by id, wherever they moved', () => {
    const before = {
      faq: [
        { id: 'ship-time', intent: 'shipping_time', answers: ['48小时内发货'] },
        { id: 'courier', intent: 'courier', answers: ['默认顺丰'] },
        { id: 'invoice', intent: 'other', answers: ['可以开发票'] },
      ],
    };
    const after = {
      faq: [
        { id: 'courier', intent: 'courier', answers: ['默认顺丰'] },
        { id: 'ship-time', intent: 'shipping_time', answers: ['24小时内发货'] },
        { id: 'discount', intent: 'discount', answers: ['满299减30'] },
      ],
    };
    expect(diffJson(before, after)).toEqual([
      { op: 'changed', path: 'faq[id=ship-time].answers[0]', before: '48小时内发货', after: '24小时内发货' },
      { op: 'removed', path: 'faq[id=invoice]', before: before.faq[2] },
      { op: 'added', path: 'faq[id=discount]', after: after.faq[2] },
      { op: 'changed', path: 'faq', before: ['ship-time', 'courier'], after: ['courier', 'ship-time'], note: 'order' },
    ]);
  });

  it('should align lists of plain values, so one inserted example is one addition', () => {
    expect(diffJson({ examples: ['a', 'b', 'c'] }, { examples: ['x', 'a', 'b', 'c'] })).toEqual([{ op: 'added', path: 'examples[0]', after: 'x' }]);
    expect(diffJson({ examples: ['a', 'b', 'c'] }, { examples: ['a', 'c'] })).toEqual([{ op: 'removed', path: 'examples[1]', before: 'b' }]);
    expect(diffJson({ examples: ['a', 'b', 'c'] }, { examples: ['a', 'B', 'c', 'd'] })).toEqual([
      { op: 'changed', path: 'examples[1]', before: 'b', after: 'B' },
      { op: 'added', path: 'examples[3]', after: 'd' },
    ]);
  });

  it('should compare lists of objects without ids by index', () => {
    expect(diffJson({ slots: [{ from: '09:00' }, { from: '13:00' }] }, { slots: [{ from: '10:00' }] })).toEqual([
      { op: 'changed', path: 'slots[0].from', before: '09:00', after: '10:00' },
      { op: 'removed', path: 'slots[1]', before: { from: '13:00' } },
    ]);
  });

  it('should treat a first rule in an empty FAQ as an added id', () => {
    expect(diffJson({ faq: [] }, { faq: [{ id: 'a', answers: [] }] })).toEqual([{ op: 'added', path: 'faq[id=a]', after: { id: 'a', answers: [] } }]);
  });

  it('should report a change of type at the path, and a root change as (root)', () => {
    expect(diffJson({ a: { b: 1 } }, { a: [1] })).toEqual([{ op: 'changed', path: 'a', before: { b: 1 }, after: [1] }]);
    expect(diffJson(1, 'x')).toEqual([{ op: 'changed', path: '(root)', before: 1, after: 'x' }]);
  });

  it('should quote keys that are not plain names', () => {
    expect(diffJson({}, { 'shop.name': 1, 平台: 2 })).toEqual([
      { op: 'added', path: '["shop.name"]', after: 1 },
      { op: 'added', path: '["平台"]', after: 2 },
    ]);
  });

  it('should count ops and shorten long values', () => {
    expect(summarize(diffJson({ a: 1, b: 2 }, { a: 2, c: 3 }))).toEqual({ added: 1, removed: 1, changed: 1 });
    expect(preview('x'.repeat(500), 20)).toHaveLength(20);
    expect(preview({ a: 1 })).toBe('{"a":1}');
  });
});
