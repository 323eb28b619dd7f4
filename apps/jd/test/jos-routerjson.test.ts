import { sandboxClient } from '@kefu/runtime/contract';
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { josRequest } from '../src/jos-request.ts';
import { callJos } from '../src/jos-response.ts';

// The JOS stand-in's made-up app credentials (packages/sandbox/src/stand-ins/jd.ts), bound by the test config.
const jos = env as unknown as { JD_API_BASE: string; JD_APP_KEY: string; JD_APP_SECRET: string; SANDBOX_URL: string };
const credentials = { appKey: jos.JD_APP_KEY, secret: jos.JD_APP_SECRET };
const call = { method: 'jingdong.im.pop.chatlog.get', params: { customer: 'buyer_pin', page: 1, pageSize: 20 }, accessToken: 'shop-token' };

// The bot calls no JOS method yet; this proves the signing path is wired against a gateway that checks it.
describe('JOS requests against the /routerjson stand-in', () => {
  it('should be accepted as correctly signed, with 360buy_param_json in the form body', async () => {
    const result = await callJos(josRequest(jos.JD_API_BASE, credentials, call, Date.now()));
    expect(result).toEqual({ kind: 'ok', key: 'jingdong_im_pop_chatlog_get_responce', payload: { code: '0' } });
    const recorded = (await sandboxClient(jos.SANDBOX_URL).requests('jd:routerjson')).at(-1);
    expect(recorded?.path).toBe('/routerjson');
    expect(recorded?.parsed).toEqual({ '360buy_param_json': JSON.stringify(call.params) });
    expect(recorded?.query).toMatchObject({ method: call.method, app_key: jos.JD_APP_KEY, access_token: 'shop-token', v: '2.0' });
  });

  it('should get error_response code 12 when signed with the wrong secret', async () => {
    const result = await callJos(josRequest(jos.JD_API_BASE, { ...credentials, secret: 'not-the-secret' }, call, Date.now()));
    expect(result).toEqual({ kind: 'error', code: '12', zhDesc: '无效签名', enDesc: 'Invalid signature' });
  });

  it('should get an error when the signed business JSON is changed in transit', async () => {
    const signed = josRequest(jos.JD_API_BASE, credentials, call, Date.now());
    const tampered = new Request(signed.url, { method: 'POST', headers: signed.headers, body: new URLSearchParams({ '360buy_param_json': '{"customer":"someone_else"}' }).toString() });
    expect(await callJos(tampered)).toMatchObject({ kind: 'error', code: '12' });
  });

  it('should come back unreadable, not thrown, when the gateway fails', async () => {
    const sandbox = sandboxClient(jos.SANDBOX_URL);
    await sandbox.faults('jd:routerjson', { failRate: 1, failWith: 502 });
    try {
      expect(await callJos(josRequest(jos.JD_API_BASE, credentials, call, Date.now()))).toEqual({ kind: 'unreadable', reason: 'HTTP 502' });
    } finally {
      await sandbox.faults('jd:routerjson', {});
    }
  });
});
