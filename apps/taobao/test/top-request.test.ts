import { describe, expect, it } from 'vitest';
import { idText, parseKeepingLongIntegers, responseKey, topRequestParams } from '../src/top/index.ts';

// protocols §8: secret `top-secret`, {method: taobao.time.get, app_key: 12345678,
// timestamp: "2024-01-01 00:00:00", format: json, v: 2.0, sign_method: X}.
const VECTORS = {
  md5: 'BDDBC04CE8D458C1DC1422F1EEDA2F84',
  hmac: 'BD658A0B03118C4345D1BCAF10A277EB',
  'hmac-sha256': 'B0BE73749A98A9C5651AE347E183F8C86D0BC5A14AB9E8DC3494B4AE4520ACFC',
} as const;
const NEW_YEAR_2024_IN_CHINA = Date.UTC(2023, 11, 31, 16, 0, 0);

describe('TOP request builder', () => {
  it.each(Object.entries(VECTORS))('should reproduce the protocols §8 %s vector', (signMethod, sign) => {
    const params = topRequestParams({ method: 'taobao.time.get', appKey: '12345678', secret: 'top-secret', now: NEW_YEAR_2024_IN_CHINA, signMethod: signMethod as keyof typeof VECTORS });
    expect(params).toEqual({ method: 'taobao.time.get', app_key: '12345678', timestamp: '2024-01-01 00:00:00', format: 'json', v: '2.0', sign_method: signMethod, sign });
  });

  it('should sign application parameters too, leave empty ones out, and default to hmac-sha256', () => {
    const base = { method: 'taobao.tmc.messages.consume', appKey: '12345678', secret: 'top-secret', now: NEW_YEAR_2024_IN_CHINA };
    const withGroup = topRequestParams({ ...base, params: { group_name: 'default', quantity: '100', session: '' } });
    expect(withGroup).toMatchObject({ sign_method: 'hmac-sha256', group_name: 'default', quantity: '100' });
    expect(withGroup).not.toHaveProperty('session');
    expect(withGroup.sign).toMatch(/^[0-9A-F]{64}$/);
    expect(topRequestParams({ ...base, params: { group_name: 'other', quantity: '100' } }).sign).not.toBe(withGroup.sign);
  });

  it('should name the response key the way TOP wraps answers', () => {
    expect(responseKey('taobao.tmc.messages.consume')).toBe('tmc_messages_consume_response');
    expect(responseKey('taobao.tmc.messages.confirm')).toBe('tmc_messages_confirm_response');
  });
});

describe('parseKeepingLongIntegers', () => {
  it('should keep 64-bit ids exact and leave everything else as JSON.parse has it', () => {
    const text = '{"id":7104300007405429232,"user_id":123456789,"n":-12345678901234567,"f":1234567890123456.5,"s":"tid 58681907060570486 \\" ,","a":[9007199254740993]}';
    expect(parseKeepingLongIntegers(text)).toEqual({ id: '7104300007405429232', user_id: 123456789, n: '-12345678901234567', f: 1234567890123456.5, s: 'tid 58681907060570486 " ,', a: ['9007199254740993'] });
  });

  it('should throw on malformed JSON like JSON.parse', () => {
    expect(() => parseKeepingLongIntegers('{"tid":')).toThrow(SyntaxError);
  });

  it('should read ids from digit strings and safe integers only', () => {
    expect(idText('7104300007405429232')).toBe('7104300007405429232');
    expect(idText(42)).toBe('42');
    expect([idText(1.5), idText(-1), idText('12a'), idText(null), idText(2 ** 60)]).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });
});
