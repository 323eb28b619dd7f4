import { describe, expect, it } from 'vitest';
import { parseJson } from './parse-json.ts';

describe('parseJson', () => {
  it('should keep a 64-bit order id exact instead of rounding it', () => {
    const parsed = parseJson('{"p_id":4781320682406083640,"s_ids":[4781320682406083641],"shop_id":1234}');
    expect(parsed).toEqual({ kind: 'ok', value: { p_id: '4781320682406083640', s_ids: ['4781320682406083641'], shop_id: 1234 } });
  });

  it('should leave safe integers, fractions and strings alone', () => {
    expect(parseJson('[1, 2.5, "9007199254740993", -3]')).toEqual({ kind: 'ok', value: [1, 2.5, '9007199254740993', -3] });
  });

  it('should say why a text is not JSON', () => {
    const parsed = parseJson('{"p_id":');
    expect(parsed.kind).toBe('invalid');
  });
});
