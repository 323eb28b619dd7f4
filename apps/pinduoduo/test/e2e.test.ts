import { eventually, prepareStack, sandboxClient, settled, type TestEnv, teamNotices } from '@kefu/runtime/contract';
import { pddBridgeSigner } from '@kefu/wire';
import { env, exports } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';

// A buyer on 拼多多 writes through the chat bridge: the bot answers through the bridge (signed the
// PDD way, checked by the sandbox), and a complaint goes to the shop's team channel.
const testEnv = env as unknown as TestEnv & Env;
const sandbox = sandboxClient(testEnv.SANDBOX_URL);
const SHOP = 'pdd-e2e-mall';
const SECRET = 'pdd-bridge-secret';

let n = 0;
const buyer = () => `pdd-buyer-${Date.now().toString(36)}-${(n += 1)}`;

function bridgePost(buyerId: string, text: string): Request {
  const body = JSON.stringify({ messages: [{ type: 'buyer_text', msg_id: `${buyerId}-m${n}`, shop_id: SHOP, buyer_id: buyerId, sent_at: Date.now(), text, channel: { conversation: `c-${buyerId}` } }] });
  const params = pddBridgeSigner.systemParams('pdd-bridge-client', 'kefu.bridge.messages', Date.now());
  const query = new URLSearchParams({ ...params, sign: pddBridgeSigner.sign(params, body, SECRET) });
  return new Request(`https://kefu.test/bridge/messages?${query}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
}

describe('pinduoduo end to end', () => {
  beforeAll(() => prepareStack(testEnv));

  it('should answer a buyer through the bridge with a PDD-signed send', async () => {
    const b = buyer();
    const response = await exports.default.fetch(bridgePost(b, '你好 什么时候发货'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ code: 0, msg: 'success' });
    const actions = await settled(testEnv, { platform: 'pinduoduo', shopId: SHOP, buyerId: b });
    const replies = actions.filter((a) => a.kind === 'reply');
    expect(replies.length).toBeGreaterThan(0);
    const sends = (await sandbox.requests('bridge:pinduoduo')).filter((r) => (r.parsed as { buyer_id?: string }).buyer_id === b);
    expect(sends).toHaveLength(replies.length);
    const send = sends[0];
    expect(send?.status).toBe(200); // the stand-in checked client_id and sign
    const { sign, ...params } = send?.query ?? {};
    expect(params).toEqual({ type: 'kefu.bridge.send', client_id: 'pdd-bridge-client', timestamp: expect.stringMatching(/^\d{10}$/), data_type: 'JSON' });
    expect(sign).toBe(pddBridgeSigner.sign(params, send?.body ?? '', SECRET));
    expect(send?.parsed).toEqual({ msg_id: replies[0]?.id, shop_id: SHOP, buyer_id: b, text: expect.any(String), channel: { conversation: `c-${b}` } });
  });

  it('should escalate a complaint to the team channel', async () => {
    const b = buyer();
    const response = await exports.default.fetch(bridgePost(b, '东西是坏的，你们再不处理我就去12315投诉'));
    expect(response.status).toBe(200);
    const actions = await settled(testEnv, { platform: 'pinduoduo', shopId: SHOP, buyerId: b });
    expect(actions.some((a) => a.kind === 'escalate')).toBe(true);
    const notice = await eventually(async () => {
      const found = await teamNotices(testEnv, { buyerId: b });
      return found.length > 0 ? found : undefined;
    }, 'the team notice');
    expect(notice).toHaveLength(1);
    expect(notice[0]).toMatchObject({ conversation: { platform: 'pinduoduo', shopId: SHOP, buyerId: b } });
    expect(notice[0]?.record.headers['x-kefu-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
  });

  it('should refuse a bridge send for good when no bridge is configured', async () => {
    const { chatBridgeSend } = await import('../src/chat-bridge.ts');
    const result = await chatBridgeSend({ actionId: 'a1', platform: 'pinduoduo', shopId: SHOP, buyerId: 'b', text: 'hi', channel: {}, script: 'faq' }, { ...testEnv, BRIDGE_SEND_URL: '' });
    expect(result).toEqual({ kind: 'refused', reason: 'no chat bridge configured (BRIDGE_SEND_URL)' });
  });
});
