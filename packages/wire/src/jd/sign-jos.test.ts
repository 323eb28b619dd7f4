import { describe, expect, it } from 'vitest';
import { hmacHex, md5Hex } from '../digest/index.ts';
import { josTimestamp, signJos } from './sign-jos.ts';

const secret = 'jd-secret';
const base = {
  method: 'jingdong.order.get',
  app_key: 'APPKEY',
  access_token: 'TOKEN',
  timestamp: '2024-01-01 00:00:00',
  v: '2.0',
  '360buy_param_json': '{"orderId":"1"}',
};
const concat =
  '360buy_param_json{"orderId":"1"}access_tokenTOKENapp_keyAPPKEYmethodjingdong.order.gettimestamp2024-01-01 00:00:00v2.0';

describe('signJos', () => {
  it('should sign md5 as UPPER hex of secret + sorted key+value + secret', () => {
    expect(signJos(base, secret)).toBe(md5Hex(secret + concat + secret).toUpperCase());
    expect(signJos({ ...base, sign: 'OLD' }, secret)).toBe(md5Hex(secret + concat + secret).toUpperCase());
  });

  it('should sign the UNCONFIRMED hmac variants with the secret as key over the wrapped string', () => {
    const sha = signJos({ ...base, sign_method: 'hmacsha256' }, secret);
    const shaConcat = concat.replace('timestamp', 'sign_methodhmacsha256timestamp');
    expect(sha).toBe(hmacHex('sha256', secret, secret + shaConcat + secret).toUpperCase());
    const md5 = signJos({ ...base, sign_method: 'hmacmd5' }, secret);
    const md5Concat = concat.replace('timestamp', 'sign_methodhmacmd5timestamp');
    expect(md5).toBe(hmacHex('md5', secret, secret + md5Concat + secret).toUpperCase());
  });

  it('should refuse an unknown sign_method', () => {
    expect(() => signJos({ ...base, sign_method: 'sha1' }, secret)).toThrow(RangeError);
  });
});

describe('josTimestamp', () => {
  it('should format in GMT+8', () => {
    expect(josTimestamp(Date.UTC(2024, 0, 1, 15, 59, 59))).toBe('2024-01-01 23:59:59');
  });
});
