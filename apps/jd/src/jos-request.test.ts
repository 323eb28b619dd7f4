import { describe, expect, it } from 'vitest';
import { josRequest } from './jos-request.ts';

// Self-computed vector (python3 hashlib, independent of @kefu/wire):
// md5("jd-secret-1" + "360buy_param_json{…}access_tokenTOKEN-1app_keyAPPKEY-1method…timestamp2026-11-23 12:05:06v2.0" + "jd-secret-1"), upper hex.
const credentials = { appKey: 'APPKEY-1', secret: 'jd-secret-1' };
const call = { method: 'jingdong.im.pop.chatlog.get', params: { customer: 'buyer_pin', page: 1, pageSize: 20 }, accessToken: 'TOKEN-1' };
const at = Date.UTC(2026, 10, 23, 4, 5, 6); // 12:05:06 in GMT+8

describe('josRequest', () => {
  it('should POST to /routerjson with the system parameters and sign on the query', () => {
    const request = josRequest('https://api.jd.com/', credentials, call, at);
    const url = new URL(request.url);
    expect(request.method).toBe('POST');
    expect(`${url.origin}${url.pathname}`).toBe('https://api.jd.com/routerjson');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      method: 'jingdong.im.pop.chatlog.get',
      app_key: 'APPKEY-1',
      access_token: 'TOKEN-1',
      timestamp: '2026-11-23 12:05:06',
      v: '2.0',
      sign: '51B30CEDE4E2A5E3CB2A0D3D0B47F3DD',
    });
  });

  it('should carry the business parameters as 360buy_param_json in the form body, not the query', async () => {
    const request = josRequest('https://api.jd.com', credentials, call, at);
    expect(request.headers.get('content-type')).toBe('application/x-www-form-urlencoded;charset=UTF-8');
    expect(Object.fromEntries(await request.formData())).toEqual({ '360buy_param_json': '{"customer":"buyer_pin","page":1,"pageSize":20}' });
    expect(new URL(request.url).searchParams.has('360buy_param_json')).toBe(false);
  });

  it('should leave access_token out entirely, unsigned, when the call has none', () => {
    const { accessToken: _token, ...appLevel } = call;
    const url = new URL(josRequest('https://api.jd.com', credentials, appLevel, at).url);
    expect(url.searchParams.has('access_token')).toBe(false);
    expect(url.searchParams.get('sign')).toBe('6FA3C8BC5A7BCFB20B6B33BB7BBE1479');
  });
});
