import type { Action, InboundEvent } from '@kefu/core';
import { actionsOf, eventually, prepareStack, sandboxClient, settled, teamNotices } from '@kefu/runtime/contract';
import { conversationKey } from '@kefu/runtime';
import type { Recorded } from '@kefu/sandbox';
import { env, SELF } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { msgidFor } from '../src/send-fields.ts';
import { callbackRequest, customerImage, customerText, enterSession, queueSync, servicerText, urlCheck, type SyncItem, type WecomTestEnv } from './wecom-callback.ts';

const testEnv = env as unknown as WecomTestEnv;
const sandbox = sandboxClient(testEnv.SANDBOX_URL);
const OPEN_KFID = 'wkE2eKf01';

let n = 0;
const unique = (what: string) => `${what}${Date.now().toString(36)}x${(n += 1)}`;
const ref = (buyerId: string, shopId = OPEN_KFID) => ({ platform: 'wecom' as const, shopId, buyerId });
const replies = (actions: Action[]) => actions.filter((a): a is Extract<Action, { kind: 'reply' }> => a.kind === 'reply');
const to = (buyerId: string) => (r: Recorded) => (r.parsed as { touser?: string } | undefined)?.touser === buyerId;
const sendsTo = async (buyerId: string) => (await sandbox.requests('wecom:send_msg')).filter(to(buyerId));

/** What WeCom does: the message waits in sync_msg, the callback says "come and pull". */
async function deliver(items: SyncItem[], openKfId = OPEN_KFID): Promise<void> {
  await queueSync(testEnv, openKfId, items);
  const response = await SELF.fetch(await callbackRequest(testEnv, { openKfId }));
  expect(response.status).toBe(200);
  expect(await response.text()).toBe('');
}

async function reasonsOf(actionIds: string[]): Promise<Record<string, string>> {
  const rows = (await testEnv.DB.prepare(`SELECT action_id, reason_code FROM action_log WHERE action_id IN (${actionIds.map(() => '?').join(',')})`).bind(...actionIds).all<{ action_id: string; reason_code: string }>()).results;
  return Object.fromEntries(rows.map((r) => [r.action_id, r.reason_code]));
}

describe('wecom worker, end to end', () => {
  beforeAll(() => prepareStack(testEnv));

  it('should answer the URL check with the decrypted echostr, and refuse a forged or foreign one', async () => {
    const ok = await SELF.fetch(await urlCheck(testEnv, '1616140317555161061'));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await ok.text()).toBe('1616140317555161061');
    expect((await SELF.fetch(await urlCheck(testEnv, 'x', { signingToken: 'guess' }))).status).toBe(401);
    expect((await SELF.fetch(await urlCheck(testEnv, 'x', { sealedFor: 'wwAnotherCorp00' }))).status).toBe(401);
    expect((await SELF.fetch('https://kefu.test/webhooks/wecom?msg_signature=a&timestamp=1&nonce=1')).status).toBe(401);
  });

  it('should pull a buyer text and answer through send_msg with a stable msgid', async () => {
    const buyer = unique('wmText');
    const msgid = unique('msg');
    await deliver([customerText(OPEN_KFID, buyer, msgid, '你好 什么时候发货')]);
    const sent = replies(await settled(testEnv, ref(buyer)));
    expect(sent.map((a) => a.script)).toEqual(['greeting', 'faq']);
    const calls = await sendsTo(buyer);
    expect(calls.map((r) => r.parsed)).toEqual(
      sent.map((a) => ({ touser: buyer, open_kfid: OPEN_KFID, msgid: msgidFor(a.id), msgtype: 'text', text: { content: a.text } })),
    );
    for (const call of calls) expect(call.query.access_token).toMatch(/^\S+$/);
    const pulls = (await sandbox.requests('wecom:sync_msg')).filter((r) => (r.parsed as { open_kfid: string }).open_kfid === OPEN_KFID);
    expect(pulls.length).toBeGreaterThan(0);
    for (const pull of pulls) {
      const { cursor, ...rest } = pull.parsed as { cursor?: string };
      expect(rest).toEqual({ token: 'ENCsyncToken0123456789', limit: 1000, open_kfid: OPEN_KFID });
      if (cursor !== undefined) expect(cursor).toMatch(/^\S{1,64}$/);
    }
    const delivered = await testEnv.DB.prepare(`SELECT status FROM deliveries WHERE id IN (?, ?)`).bind(...sent.map((a) => a.id)).all<{ status: string }>();
    expect(delivered.results.map((r) => r.status)).toEqual(['sent', 'sent']);
  });

  it('should hand a picture to a person instead of guessing what it shows', async () => {
    const buyer = unique('wmImage');
    await deliver([customerText(OPEN_KFID, buyer, unique('msg'), '在吗'), customerImage(OPEN_KFID, buyer, unique('img'))]);
    const actions = await settled(testEnv, ref(buyer), 3);
    const handoffs = actions.filter((a) => a.kind === 'handoff');
    expect(handoffs).toEqual([expect.objectContaining({ reason: expect.objectContaining({ code: 'faq.abstain' }) })]);
    expect(replies(actions).filter((a) => a.script === 'faq')).toEqual([]);
  });

  it('should go quiet once a servicer writes in the WeCom client', async () => {
    const buyer = unique('wmHuman');
    await deliver([customerText(OPEN_KFID, buyer, unique('msg'), '你好')]);
    const before = (await settled(testEnv, ref(buyer))).length;
    const later = unique('msg');
    await deliver([servicerText(OPEN_KFID, buyer, unique('svc'), '您好，我是客服小王'), customerText(OPEN_KFID, buyer, later, '什么时候发货')]);
    const actions = await settled(testEnv, ref(buyer), before + 2);
    const afterServicer = actions.slice(before);
    expect(afterServicer.filter((a) => a.kind === 'log' && a.reason.code === 'human.active')).toHaveLength(2);
    expect(replies(afterServicer)).toEqual([]);
    expect(await sendsTo(buyer)).toHaveLength(replies(actions).length);
  });

  it('should keep greetings out of send_msg when the buyer only opened the chat without a welcome_code', async () => {
    // WeCom allows send_msg only within 48 h after the customer wrote; opening the chat does not count.
    const buyer = unique('wmEnter');
    await deliver([enterSession(OPEN_KFID, buyer, unique('enter'))]);
    const actions = await settled(testEnv, ref(buyer));
    const greeting = replies(actions);
    expect(greeting.map((a) => a.script)).toEqual(['greeting']);
    expect(await reasonsOf(greeting.map((a) => a.id))).toEqual({ [greeting[0]?.id ?? '']: 'send.budget' });
    expect(await sendsTo(buyer)).toEqual([]);
  });

  it('should greet through send_msg_on_event with a fresh welcome_code', async () => {
    const buyer = unique('wmWelcome');
    const code = unique('WELCOME');
    await deliver([enterSession(OPEN_KFID, buyer, unique('enter'), code)]);
    const greeting = replies(await settled(testEnv, ref(buyer)));
    expect(greeting.map((a) => a.script)).toEqual(['greeting']);
    const calls = (await sandbox.requests('wecom:send_msg_on_event')).filter((r) => (r.parsed as { code: string }).code === code);
    expect(calls.map((r) => r.parsed)).toEqual([{ code, msgid: msgidFor(greeting[0]?.id ?? ''), msgtype: 'text', text: { content: greeting[0]?.text } }]);
    expect(await sendsTo(buyer)).toEqual([]);
    // The buyer then writes: the welcome is spent, the answer goes through send_msg.
    await deliver([customerText(OPEN_KFID, buyer, unique('msg'), '什么时候发货')]);
    const all = await settled(testEnv, ref(buyer), 2);
    expect((await sendsTo(buyer)).map((r) => (r.parsed as { text: { content: string } }).text.content)).toEqual(replies(all).slice(1).map((a) => a.text));
  });

  it('should withhold the 5th bot message since the buyer last wrote, keeping it for a person', async () => {
    const buyer = unique('wmBudget');
    await deliver([customerText(OPEN_KFID, buyer, unique('msg'), '你好 什么时候发货')]);
    expect(replies(await settled(testEnv, ref(buyer)))).toHaveLength(2);
    // 微信客服 itself carries no order events; shipped notices stand in for any bot message that
    // follows no buyer message, fed to this app's Conversation object the way dispatch does.
    const stub = testEnv.CONVERSATION.get(testEnv.CONVERSATION.idFromName(conversationKey('wecom', OPEN_KFID, buyer)));
    for (const order of ['o1', 'o2', 'o3']) {
      const event: InboundEvent = { kind: 'order', id: unique(order), platform: 'wecom', shopId: OPEN_KFID, buyerId: buyer, at: Date.now(), orderId: order, status: 'shipped', courier: '顺丰', trackingNo: `SF${order}` };
      expect((await stub.handle({ event })).kind).toBe('decided');
    }
    const notices = replies(await settled(testEnv, ref(buyer), 5)).filter((a) => a.script === 'orderShipped');
    expect(notices).toHaveLength(3);
    const reasons = await reasonsOf(notices.map((a) => a.id));
    expect(notices.map((a) => reasons[a.id])).toEqual(['order.shipped', 'order.shipped', 'send.budget']);
    expect(await sendsTo(buyer)).toHaveLength(4);
    // The buyer writes again: the budget starts over.
    await deliver([customerText(OPEN_KFID, buyer, unique('msg'), '发的什么快递')]);
    await eventually(async () => (await sendsTo(buyer)).length === 5, 'a reply after the buyer wrote again');
  });

  it('should fetch a new access_token when send_msg says the cached one expired, and deliver', async () => {
    const buyer = unique('wmExpired');
    await sandbox.inbox('wecom:expire_token', [{ api: 'send_msg', touser: buyer }]);
    const tokensBefore = (await sandbox.requests('wecom:gettoken')).length;
    await deliver([customerText(OPEN_KFID, buyer, unique('msg'), '什么时候发货')]);
    const sent = replies(await settled(testEnv, ref(buyer)));
    const calls = await sendsTo(buyer);
    expect(calls).toHaveLength(sent.length + 1); // the first try met 42001
    expect(new Set(calls.map((r) => (r.parsed as { msgid: string }).msgid))).toEqual(new Set(sent.map((a) => msgidFor(a.id))));
    expect(calls[0]?.query.access_token).not.toBe(calls.at(-1)?.query.access_token);
    expect((await sandbox.requests('wecom:gettoken')).length).toBeGreaterThan(tokensBefore);
    const delivered = await testEnv.DB.prepare(`SELECT status FROM deliveries WHERE id IN (${sent.map(() => '?').join(',')})`).bind(...sent.map((a) => a.id)).all<{ status: string }>();
    expect(delivered.results.every((r) => r.status === 'sent')).toBe(true);
  });

  it('should fetch a new access_token when sync_msg says it expired, and still pull the message', async () => {
    const openKfId = 'wkE2eExpiry';
    const buyer = unique('wmSyncExpired');
    await sandbox.inbox('wecom:expire_token', [{ api: 'sync_msg', open_kfid: openKfId }]);
    await deliver([customerText(openKfId, buyer, unique('msg'), '什么时候发货')], openKfId);
    expect(replies(await settled(testEnv, ref(buyer, openKfId))).length).toBeGreaterThan(0);
  });

  it('should pull page after page while has_more is 1, and never fetch a page twice for concurrent callbacks', async () => {
    const openKfId = unique('wkE2ePaging');
    const buyer = unique('wmPaging');
    // 1,000 events the worker ignores, then a real message on the second page.
    const noise = Array.from({ length: 1000 }, (_, i) => ({ msgid: `noise-${openKfId}-${i}`, send_time: 1, origin: 4, msgtype: 'event', event: { event_type: 'servicer_status_change', servicer_userid: 'zhangsan', status: 1 } }));
    await queueSync(testEnv, openKfId, [...noise, customerText(openKfId, buyer, unique('msg'), '什么时候发货')]);
    const responses = await Promise.all([1, 2, 3].map(async () => SELF.fetch(await callbackRequest(testEnv, { openKfId }))));
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(replies(await settled(testEnv, ref(buyer, openKfId))).length).toBeGreaterThan(0);
    const pulls = (await sandbox.requests('wecom:sync_msg')).filter((r) => (r.parsed as { open_kfid: string }).open_kfid === openKfId);
    const cursors = pulls.map((r) => (r.parsed as { cursor?: string }).cursor ?? '(none)');
    expect(cursors.length).toBeGreaterThanOrEqual(2);
    expect(new Set(cursors).size).toBe(cursors.length);
  });

  it('should escalate a complaint to the team channel', async () => {
    const buyer = unique('wmAngry');
    await deliver([customerText(OPEN_KFID, buyer, unique('msg'), '东西是坏的，你们再不处理我就去12315投诉')]);
    const actions = await settled(testEnv, ref(buyer));
    expect(actions.filter((a) => a.kind === 'escalate').length).toBeGreaterThan(0);
    const notices = await teamNotices(testEnv, { buyerId: buyer });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ conversation: ref(buyer), escalation: { title: '买家投诉/差评风险' } });
  });

  it('should ack and ignore a callback that is not a 微信客服 event', async () => {
    const inner = `<xml><ToUserName><![CDATA[${testEnv.WECOM_CORP_ID}]]></ToUserName><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_contact]]></Event></xml>`;
    const response = await SELF.fetch(await callbackRequest(testEnv, { openKfId: OPEN_KFID, inner }));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('should answer an authentic callback whose inner XML is not a kf event with 400', async () => {
    const response = await SELF.fetch(await callbackRequest(testEnv, { openKfId: OPEN_KFID, inner: 'not xml at all' }));
    expect(response.status).toBe(400);
    const missing = await SELF.fetch(await callbackRequest(testEnv, { openKfId: OPEN_KFID, inner: '<xml><MsgType>event</MsgType><Event>kf_msg_or_event</Event></xml>' }));
    expect(missing.status).toBe(400);
  });

  it('should reject a callback sealed for another corp even when ToUserName is ours', async () => {
    const buyer = unique('wmForeign');
    await queueSync(testEnv, OPEN_KFID, [customerText(OPEN_KFID, buyer, unique('msg'), '你好')]);
    const response = await SELF.fetch(await callbackRequest(testEnv, { openKfId: OPEN_KFID, sealedFor: 'wwAnotherCorp00' }));
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: { code: 'bad_signature', message: expect.stringMatching(/another app/) } });
    expect(await actionsOf(testEnv, ref(buyer))).toEqual([]);
  });
});
