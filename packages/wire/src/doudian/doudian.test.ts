import { describe, expect, it } from 'vitest';
import { doudianApiSign } from './api-sign.ts';
import { doudianEventSign } from './event-sign.ts';

const appKey = '7000000000000000001';
const appSecret = 'doudian-secret';
// Byte-for-byte the tag-100 sample body of vectors/sign_vectors.mjs.
const body =
  '[{"tag":"100","msg_id":"7000000000000000000","data":"{\\"p_id\\":4781320682406083640,\\"shop_id\\":1234,\\"biz\\":1,\\"order_status\\":1,\\"order_type\\":0,\\"create_time\\":1700000000,\\"s_ids\\":[4781320682406083640]}"}]';

describe('doudianEventSign', () => {
  it('should reproduce the protocols §8 md5 event-sign vector', () => {
    expect(doudianEventSign(appKey, body, appSecret)).toBe('5741abee921f027ea0eace44a8b6d936');
    expect(doudianEventSign(appKey, body, appSecret, 'md5')).toBe('5741abee921f027ea0eace44a8b6d936');
  });

  it('should reproduce the protocols §8 UNCONFIRMED hmac-sha256 event-sign vector', () => {
    expect(doudianEventSign(appKey, body, appSecret, 'hmac-sha256')).toBe(
      'ac5f0a1515e18db1f74cda1746b72681a15d91af06e0e74dadb68aabcfb8cc58',
    );
  });

  it('should change when a single byte of the body changes', () => {
    expect(doudianEventSign(appKey, body.replace('1234', '1235'), appSecret)).not.toBe('5741abee921f027ea0eace44a8b6d936');
  });
});

describe('doudianApiSign', () => {
  const params = { app_key: appKey, method: 'order.searchList', param_json: '{"page":0,"size":10}', timestamp: '1700000000', v: '2' };

  it('should reproduce the protocols §8 API sign vectors', () => {
    expect(doudianApiSign(params, appSecret, 'hmac-sha256')).toBe('8ab5cdec703157b562eb6e926a6c7a943a2eb8dc140f05156e70c30654efdf3c');
    expect(doudianApiSign(params, appSecret, 'md5')).toBe('9c14bd67e5e3c57387abf2384a5f2947');
  });

  it('should not sign extra runtime keys such as access_token', () => {
    const extra = { ...params, access_token: 'TOKEN', sign_method: 'md5' };
    expect(doudianApiSign(extra, appSecret, 'md5')).toBe('9c14bd67e5e3c57387abf2384a5f2947');
  });
});
