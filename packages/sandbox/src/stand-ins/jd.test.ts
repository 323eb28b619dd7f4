import { JOS_SIGN_METHODS, josTimestamp, signJos } from '@kefu/wire';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../server/sandbox.ts';
import { jd } from './jd.ts';

const credentials = jd.credentials as { JD_APP_KEY: string; JD_APP_SECRET: string };
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ standIns: [jd], config: credentials });
});
afterAll(() => sandbox.close());

type Overrides = { secret?: string; appKey?: string; signMethod?: string; drop?: string[]; json?: string; inQuery?: boolean };
async function call(o: Overrides = {}): Promise<unknown> {
  const json = o.json ?? '{"orderId":"1"}';
  const system: Record<string, string> = { method: 'jingdong.pop.order.get', app_key: o.appKey ?? credentials.JD_APP_KEY, access_token: 'tok', timestamp: josTimestamp(Date.now()), v: '2.0', ...(o.signMethod ? { sign_method: o.signMethod } : {}) };
  // A sign_method JOS does not know cannot be signed at all: send some sign, the method is what is checked.
  const known = !o.signMethod || (JOS_SIGN_METHODS as readonly string[]).includes(o.signMethod);
  const sign = known ? signJos({ ...system, '360buy_param_json': json }, o.secret ?? credentials.JD_APP_SECRET) : 'UNSIGNABLE';
  const query: Record<string, string> = { ...system, sign, ...(o.inQuery ? { '360buy_param_json': json } : {}) };
  for (const key of o.drop ?? []) delete query[key];
  const body = o.inQuery || o.drop?.includes('360buy_param_json') ? '' : new URLSearchParams({ '360buy_param_json': json }).toString();
  const response = await fetch(`${sandbox.url}/routerjson?${new URLSearchParams(query)}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' }, body });
  expect(response.status).toBe(200); // JOS answers errors at 200 too
  return response.json();
}

describe('jd JOS stand-in', () => {
  it('should accept a correctly signed request, business JSON in the form body or the query', async () => {
    expect(await call()).toEqual({ jingdong_pop_order_get_responce: { code: '0' } });
    expect(await call({ inQuery: true })).toEqual({ jingdong_pop_order_get_responce: { code: '0' } });
  });

  it('should answer error_response 12 to a wrong secret, for md5 and the hmac variant alike', async () => {
    expect(await call({ secret: 'guess' })).toEqual({ error_response: { code: '12', zh_desc: '无效签名', en_desc: 'Invalid signature' } });
    expect(await call({ signMethod: 'hmacsha256', secret: 'guess' })).toMatchObject({ error_response: { code: '12' } });
    expect(await call({ signMethod: 'hmacsha256' })).toEqual({ jingdong_pop_order_get_responce: { code: '0' } });
  });

  it('should name missing parameters, an unknown app key, a bad sign_method and non-JSON business params', async () => {
    const code = async (o: Overrides) => ((await call(o)) as { error_response: { code: string; en_desc: string } }).error_response;
    expect(await code({ drop: ['sign', 'timestamp'] })).toMatchObject({ code: 'sandbox.missing_parameter', en_desc: 'missing parameter: timestamp, sign' });
    expect(await code({ drop: ['360buy_param_json'] })).toMatchObject({ code: 'sandbox.missing_parameter', en_desc: 'missing parameter: 360buy_param_json' });
    expect(await code({ appKey: 'someone-else' })).toMatchObject({ code: 'sandbox.unknown_app_key' });
    expect(await code({ signMethod: 'sha1' })).toMatchObject({ code: 'sandbox.bad_sign_method' });
    expect(await code({ json: '{not json' })).toMatchObject({ code: 'sandbox.bad_param_json' });
  });

  it('should record every call on the jd:routerjson channel', () => {
    expect(sandbox.state.records.length).toBeGreaterThan(0);
    expect(sandbox.state.records.every((r) => r.channel === 'jd:routerjson')).toBe(true);
  });
});
