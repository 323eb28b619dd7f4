import { actionsOf, eventually, prepareStack, sandboxClient, settled, type TestEnv, teamNotices } from '@kefu/runtime/contract';
import { signJos } from '@kefu/wire';
import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import doc from '../../../docs/chat-bridge.md?raw';
import { agentText, BRIDGE, bridgePost, buyerText, SHOP, sessionClosed, unique } from './bridge-client.ts';

const testEnv = env as unknown as TestEnv;
const sandbox = sandboxClient(testEnv.SANDBOX_URL);
const ref = (buyerId: string) => ({ platform: 'jd' as const, shopId: SHOP, buyerId });
type SendBody = { msg_id: string; shop_id: string; buyer_id: string; text: string; channel: Record<string, string> };
const sendsTo = async (buyerId: string) => (await sandbox.requests('bridge:jd')).filter((r) => (r.parsed as SendBody | undefined)?.buyer_id === buyerId);

/** Post, expect the bridge ack, and wait until the conversation has settled past `before` actions. */
async function deliver(message: Record<string, unknown>, before = 0) {
  const response = await bridgePost([message]);
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ code: 0, msg: 'success' });
  const actions = await settled(testEnv, ref(message.buyer_id as string), before + 1);
  return actions.filter((a) => a.id.startsWith(`${message.msg_id as string}#`));
}

beforeAll(() => prepareStack(testEnv));

describe('jd: 咚咚 chat through the bridge', () => {
  it('should reply to a buyer through the bridge, JOS-signed, echoing the channel', async () => {
    const buyer = unique('buyer');
    const actions = await deliver(buyerText(buyer, '你好 什么时候发货', { channel: { session_id: 's-42', waiter: 'shop_bot' } }));
    const replies = actions.filter((a) => a.kind === 'reply');
    expect(replies.length).toBeGreaterThan(0);
    const sends = await sendsTo(buyer);
    expect(sends).toHaveLength(replies.length);
    for (const send of sends) {
      expect(send.status).toBe(200); // the bridge stand-in checked the signature
      const { sign, ...params } = send.query;
      expect(params).toEqual({ method: 'kefu.bridge.send', app_key: BRIDGE.appKey, timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/), v: '2.0' });
      expect(sign).toBe(signJos({ ...params, '360buy_param_json': send.body }, BRIDGE.secret));
      const body = send.parsed as SendBody;
      expect(body).toEqual({ msg_id: expect.any(String), shop_id: SHOP, buyer_id: buyer, text: expect.any(String), channel: { session_id: 's-42', waiter: 'shop_bot' } });
    }
    expect(sends.map((s) => (s.parsed as SendBody).msg_id).sort()).toEqual(replies.map((a) => a.id).sort());
    expect(sends.map((s) => (s.parsed as SendBody).text).sort()).toEqual(replies.map((a) => (a.kind === 'reply' ? a.text : '')).sort());
  });

  it('should stay silent after a seller writes (agent_text), and speak again once the session is closed', async () => {
    const buyer = unique('buyer');
    let count = (await deliver(buyerText(buyer, '在吗'))).length;
    const sentBefore = (await sendsTo(buyer)).length;
    expect(sentBefore).toBeGreaterThan(0);

    count += (await deliver(agentText(buyer, '亲，我是客服小王，请问有什么可以帮您？'), count)).length;
    const quiet = await deliver(buyerText(buyer, '什么时候发货'), count);
    count += quiet.length;
    expect(quiet.filter((a) => a.kind === 'reply')).toEqual([]);
    expect(quiet.some((a) => a.kind === 'log' && a.reason.code === 'human.active')).toBe(true);
    expect(await sendsTo(buyer)).toHaveLength(sentBefore);

    count += (await deliver(sessionClosed(buyer), count)).length;
    const again = await deliver(buyerText(buyer, '什么时候发货'), count);
    const replies = again.filter((a) => a.kind === 'reply');
    expect(replies.length).toBeGreaterThan(0);
    expect((await sendsTo(buyer)).map((s) => (s.parsed as SendBody).msg_id)).toEqual(expect.arrayContaining(replies.map((a) => a.id)));
  });

  it('should escalate a complaint to the team channel', async () => {
    const buyer = unique('buyer');
    const actions = await deliver(buyerText(buyer, '东西是坏的，你们再不处理我就去12315投诉'));
    expect(actions.some((a) => a.kind === 'escalate')).toBe(true);
    const notices = (await teamNotices(testEnv, { platform: 'jd', buyerId: buyer })).filter((n) => n.escalation.reasons.some((reason) => reason.code.startsWith('complaint.')));
    expect(notices).toHaveLength(1);
    expect(notices[0]?.record.status).toBe(200);
  });

  it('should dead-letter a reply the bridge keeps failing, not lose it', async () => {
    await sandbox.faults('bridge:jd', { failRate: 1 });
    try {
      const buyer = unique('buyer');
      const message = buyerText(buyer, '在吗');
      expect((await bridgePost([message])).status).toBe(200);
      const dead = await eventually(
        async () => (await testEnv.DB.prepare('SELECT id, kind, platform, reason FROM dead_letters WHERE id LIKE ?').bind(`${message.msg_id as string}#%`).all<{ id: string; kind: string; platform: string; reason: string }>()).results.at(0),
        'a dead letter',
      );
      expect(dead).toMatchObject({ kind: 'send', platform: 'jd', reason: expect.stringMatching(/^retries exhausted: bridge answered 503/) });
      const attempts = (await sendsTo(buyer)).filter((r) => (r.parsed as SendBody).msg_id === dead.id);
      expect(attempts.length).toBeGreaterThan(1); // retried before giving up
      expect(attempts.every((r) => r.status === 503)).toBe(true);
    } finally {
      await sandbox.faults('bridge:jd', {});
    }
  });
});

describe('jd: bridge answers as docs/chat-bridge.md says', () => {
  it('should name the reason of a 401', async () => {
    const m = [buyerText(unique('buyer'), '你好')];
    const cases = [
      [{ secret: 'guess' }, 'signature mismatch'],
      [{ appKey: 'someone-else' }, "app_key is not this app's"],
      [{ at: Date.now() - 11 * 60_000 }, 'timestamp outside ±10 min: replayed or clock skew'],
    ] as const;
    for (const [options, reason] of cases) {
      const response = await bridgePost(m, options);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: { code: 'bad_signature', message: reason } });
      expect(doc).toContain(`\`${reason}\``);
    }
  });

  it('should point at the bad field of a malformed body by its path', async () => {
    const response = await bridgePost([{ type: 'buyer_text', msg_id: 'x', shop_id: SHOP, buyer_id: 'b', sent_at: Date.now(), text: '' }]);
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { code: string; message: string } };
    expect(error).toEqual({ code: 'malformed_body', message: expect.stringMatching(/^messages\.0\.text: /) });
    expect(doc).toContain(`for example \`${error.message}\``);
    const tooMany = await bridgePost(Array.from({ length: 101 }, () => buyerText('b', 'hi')));
    expect(await tooMany.json()).toEqual({ error: { code: 'malformed_body', message: expect.stringMatching(/^messages: /) } });
  });

  it('should take several messages, for several buyers, in one request', async () => {
    const [a, b] = [unique('buyer'), unique('buyer')];
    const response = await bridgePost([buyerText(a, '你好'), buyerText(b, '你好'), agentText(a, '您好')]);
    expect(response.status).toBe(200);
    await settled(testEnv, ref(a), 2);
    await settled(testEnv, ref(b));
    expect((await actionsOf(testEnv, ref(a))).some((x) => x.kind === 'log' && x.reason.code === 'human.active')).toBe(true);
  });

  it('should ignore unknown fields and the inbound method name, and never echo the reserved channel key via', async () => {
    const buyer = unique('buyer');
    const message = buyerText(buyer, '你好', { channel: { via: 'their-router', session_id: 's-7' }, priority: 'high' });
    const response = await bridgePost([], { method: 'acme.dongdong.push', raw: JSON.stringify({ messages: [message], batch_id: 'b-1' }) });
    expect(response.status).toBe(200);
    await settled(testEnv, ref(buyer));
    const sends = await sendsTo(buyer);
    expect(sends.length).toBeGreaterThan(0);
    for (const send of sends) expect((send.parsed as SendBody).channel).toEqual({ session_id: 's-7' });
  });
});
