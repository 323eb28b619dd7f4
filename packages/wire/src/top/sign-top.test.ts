import { describe, expect, it } from 'vitest';
import { hmacHex, md5Hex } from '../digest/index.ts';
import { signTop, topTimestamp } from './sign-top.ts';

const secret = 'top-secret';
const base = { method: 'taobao.time.get', app_key: '12345678', timestamp: '2024-01-01 00:00:00', format: 'json', v: '2.0' };

describe('signTop', () => {
  it('should reproduce the protocols §8 md5 vector', () => {
    expect(signTop({ ...base, sign_method: 'md5' }, secret)).toBe('BDDBC04CE8D458C1DC1422F1EEDA2F84');
  });

  it('should reproduce the protocols §8 hmac (HMAC-MD5) vector', () => {
    expect(signTop({ ...base, sign_method: 'hmac' }, secret)).toBe('BD658A0B03118C4345D1BCAF10A277EB');
  });

  it('should reproduce the protocols §8 hmac-sha256 vector', () => {
    expect(signTop({ ...base, sign_method: 'hmac-sha256' }, secret)).toBe(
      'B0BE73749A98A9C5651AE347E183F8C86D0BC5A14AB9E8DC3494B4AE4520ACFC',
    );
  });

  it('should default to md5 and ignore sign and empty values', () => {
    const withNoise = { ...base, sign_method: 'md5', sign: 'OLD', session: '' };
    expect(signTop(withNoise, secret)).toBe('BDDBC04CE8D458C1DC1422F1EEDA2F84');
    const concat = 'app_key12345678formatjsonmethodtaobao.time.gettimestamp2024-01-01 00:00:00v2.0';
    expect(signTop(base, secret)).toBe(md5Hex(secret + concat + secret).toUpperCase());
  });

  it('should append the raw body before the closing secret in the with-body variant', () => {
    const params = { ...base, sign_method: 'md5' };
    const concat = 'app_key12345678formatjsonmethodtaobao.time.getsign_methodmd5timestamp2024-01-01 00:00:00v2.0';
    const body = '<request><a>1</a></request>';
    expect(signTop(params, secret, body)).toBe(md5Hex(secret + concat + body + secret).toUpperCase());
    const hmacParams = { ...base, sign_method: 'hmac-sha256' };
    const hmacConcat = concat.replace('md5', 'hmac-sha256');
    expect(signTop(hmacParams, secret, body)).toBe(hmacHex('sha256', secret, hmacConcat + body).toUpperCase());
  });

  it('should refuse an unknown sign_method', () => {
    expect(() => signTop({ ...base, sign_method: 'sha1' }, secret)).toThrow(RangeError);
  });
});

describe('topTimestamp', () => {
  it('should format in GMT+8', () => {
    expect(topTimestamp(Date.UTC(2023, 11, 31, 16, 0, 0))).toBe('2024-01-01 00:00:00');
  });
});
