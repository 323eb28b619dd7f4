import { signTop, topTimestamp } from '@kefu/wire';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../server/sandbox.ts';
import { taobao } from './taobao.ts';
import { TMC_REDELIVER_MS } from './taobao-tmc.ts';

const credentials = taobao.credentials as { TAOBAO_APP_KEY: string; TAOBAO_APP_SECRET: string };
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ standIns: [taobao], config: credentials });
});
afterAll(() => sandbox.close());

type Overrides = { secret?: string; signMethod?: string; drop?: string[]; at?: number };
function call(method: string, params: Record<string, string>, o: Overrides = {}) {
  const system: Record<string, string> = { method, app_key: credentials.TAOBAO_APP_KEY, timestamp: topTimestamp(o.at ?? Date.now()), format: 'json', v: '2.0', sign_method: o.signMethod ?? 'hmac-sha256', ...params };
  for (const key of o.drop ?? []) delete system[key];
  const form = new URLSearchParams({ ...system, sign: signTop(system, o.secret ?? credentials.TAOBAO_APP_SECRET) });
  return fetch(`${sandbox.url}/router/rest`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' }, body: form });
}
const queue = (items: unknown[]) => fetch(`${sandbox.url}/__sandbox/inbox/taobao:tmc`, { method: 'POST', body: JSON.stringify(items) });
const ids = (text: string) => [...text.matchAll(/"id":(\d+)/g)].map((m) => m[1]);

describe('taobao TOP stand-in', () => {
  it.each(['md5', 'hmac', 'hmac-sha256'])('should accept a request signed with %s', async (signMethod) => {
    const body = (await (await call('taobao.tmc.messages.consume', { quantity: '10' }, { signMethod })).json()) as Record<string, unknown>;
    expect(body).toHaveProperty('tmc_messages_consume_response');
  });

  it('should answer a wrong signature with error_response 25', async () => {
    const body = await (await call('taobao.tmc.messages.consume', { quantity: '10' }, { secret: 'guess' })).json();
    expect(body).toEqual({ error_response: { code: 25, msg: 'Invalid signature', request_id: expect.any(String) } });
  });

  it('should name a missing app key, a missing timestamp and a stale one', async () => {
    const code = async (o: Overrides) => ((await (await call('taobao.tmc.messages.consume', { quantity: '10' }, o)).json()) as { error_response: { code: number } }).error_response.code;
    expect(await code({ drop: ['app_key'] })).toBe(28);
    expect(await code({ drop: ['timestamp'] })).toBe(30);
    expect(await code({ at: Date.now() - 11 * 60_000 })).toBe(31);
  });

  it('should serve queued messages with 64-bit ids as JSON numbers, and redeliver what is not confirmed', async () => {
    await queue([{ topic: 'taobao_trade_TradeCreate', content: { tid: 1 } }, { topic: 'taobao_trade_TradeBuyerPay', content: '{"tid":2}' }]);
    const first = await (await call('taobao.tmc.messages.consume', { quantity: '10' })).text();
    expect(first).toMatch(/^\{"tmc_messages_consume_response":\{"messages":\{"tmc_message":\[\{"user_id":\d+,/);
    const [a, b] = ids(first) as [string, string];
    expect(BigInt(a)).toBeGreaterThan(BigInt(Number.MAX_SAFE_INTEGER));
    expect(JSON.parse(first).tmc_messages_consume_response.messages.tmc_message[1].content).toBe('{"tid":2}');
    const confirmed = await (await call('taobao.tmc.messages.confirm', { s_message_ids: a })).json();
    expect(confirmed).toEqual({ tmc_messages_confirm_response: { is_success: true, request_id: expect.any(String) } });
    expect(await (await call('taobao.tmc.messages.consume', { quantity: '10' })).json()).toEqual({ tmc_messages_consume_response: { request_id: expect.any(String) } });
    await new Promise((resolve) => setTimeout(resolve, TMC_REDELIVER_MS + 100));
    expect(ids(await (await call('taobao.tmc.messages.consume', { quantity: '10' })).text())).toEqual([b]);
    await call('taobao.tmc.messages.confirm', { s_message_ids: b });
  });

  it('should record each method under its own channel', async () => {
    const channels = ((await (await fetch(`${sandbox.url}/__sandbox/requests?channel=taobao`)).json()) as { channel: string }[]).map((r) => r.channel);
    expect(new Set(channels)).toEqual(new Set(['taobao:tmc_consume', 'taobao:tmc_confirm']));
  });

  it('should refuse a quantity outside 10..200 and answer a queued error once', async () => {
    const bad = (await (await call('taobao.tmc.messages.consume', { quantity: '500' })).json()) as { error_response: { code: number } };
    expect(bad.error_response.code).toBe(41);
    await fetch(`${sandbox.url}/__sandbox/inbox/taobao:errors`, { method: 'POST', body: JSON.stringify([{ method: 'taobao.tmc.messages.consume', code: 7, msg: 'App Call Limited', sub_code: 'accesscontrol.limited-by-app-access-count', sub_msg: 'This ban will last for 1 more seconds' }]) });
    const limited = (await (await call('taobao.tmc.messages.consume', { quantity: '10' })).json()) as { error_response: { code: number; sub_code: string } };
    expect(limited.error_response).toMatchObject({ code: 7, sub_code: 'accesscontrol.limited-by-app-access-count' });
    expect(await (await call('taobao.tmc.messages.consume', { quantity: '10' })).json()).toHaveProperty('tmc_messages_consume_response');
  });

  it('should answer an unknown method with error_response 22', async () => {
    expect(await (await call('taobao.nope.get', {})).json()).toEqual({ error_response: { code: 22, msg: 'Invalid method', request_id: expect.any(String) } });
  });
});
