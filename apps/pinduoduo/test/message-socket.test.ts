import type { Recorded } from '@kefu/sandbox';
import { actionsOf, eventually, prepareStack, sandboxClient, settled, type TestEnv, teamNotices } from '@kefu/runtime/contract';
import { createExecutionContext, createScheduledController, runInDurableObject, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import worker from '../src/index.ts';
import { messageSocketStub, type PddMessageSocket } from '../src/message-socket/index.ts';

// The message socket against the sandbox's message service: a real WebSocket server that checks
// the path sign, pushes queued messages, records heartbeats and acks, and resends what is unacked.
const testEnv = env as unknown as TestEnv & Env;
const sandbox = sandboxClient(testEnv.SANDBOX_URL);
const socket = () => messageSocketStub(testEnv);
const MALL = 880001;

let n = 0;
const tid = () => `251123-${Date.now().toString().slice(-9)}${(n += 1)}`;
const push = (...messages: unknown[]) => sandbox.inbox('pinduoduo:messages', messages);
const refundCreated = (orderSn: string, mallID = MALL) => ({
  type: 'pdd_refund_RefundCreated',
  mallID,
  content: { mall_id: mallID, refund_fee: 1990, bill_type: 1, modified: Date.now(), refund_id: 7381745730 + n, operation: 1000, tid: orderSn },
});
const acksOf = async (id: string) => (await sandbox.requests('pinduoduo:ack')).filter((r) => new RegExp(`"id":${id}[,}]`).test(r.body));
const noticesFor = async (buyerId: string) => (await teamNotices(testEnv, { buyerId })).map((n) => n.record);
const loggedKind = (eventId: string) => testEnv.DB.prepare('SELECT kind FROM conversation_log WHERE event_id = ?').bind(eventId).first<{ kind: string }>();

describe('pinduoduo message socket', () => {
  beforeAll(async () => {
    await prepareStack(testEnv);
    // Started the way production starts it: the every-minute cron.
    const ctx = createExecutionContext();
    await worker.scheduled?.(createScheduledController({ cron: '* * * * *' }), testEnv, ctx);
    await waitOnExecutionContext(ctx);
    expect((await socket().status()).connected).toBe(true);
  });

  it('should connect with a signed path and heartbeat the server', async () => {
    const connects = await sandbox.requests('pinduoduo:connect');
    expect(connects.some((r) => r.status === 101 && r.path.startsWith('/message/pdd-local-client/'))).toBe(true);
    const beats = await eventually(async () => {
      const found = await sandbox.requests('pinduoduo:heartbeat');
      return found.length > 0 ? found : undefined;
    }, 'a heartbeat');
    expect(beats[0]?.parsed).toEqual({ commandType: 'HeartBeat', time: expect.any(Number) });
    const status = await socket().status();
    expect(status.lastFrameAt).toEqual(expect.any(Number));
    expect(status.nextAlarmAt).toEqual(expect.any(Number));
  });

  it('should escalate a refund request to the team and ack the message after recording it', async () => {
    const orderSn = tid();
    const id = `${Date.now()}01`;
    await push({ ...refundCreated(orderSn), id });
    const [ack] = await eventually(async () => {
      const found = await acksOf(id);
      return found.length > 0 ? found : undefined;
    }, 'the ack');
    const ref = { platform: 'pinduoduo' as const, shopId: String(MALL), buyerId: `order:${orderSn}` };
    // Acked only once recorded: the escalation is already in the conversation when the ack is seen.
    expect((await actionsOf(testEnv, ref)).filter((a) => a.kind === 'escalate')).toHaveLength(1);
    expect(ack?.status).toBe(200);
    expect(ack?.parsed).toEqual({ commandType: 'Ack', time: expect.any(Number), id: Number(id), sendTime: expect.any(Number), type: 'pdd_refund_RefundCreated', mallID: MALL });
    const actions = await settled(testEnv, ref);
    expect(actions.filter((a) => a.kind === 'escalate')).toHaveLength(1);
    const notices = await noticesFor(`order:${orderSn}`);
    expect(notices).toHaveLength(1);
    expect(notices[0]?.body).toContain('order.refund_requested');
  });

  it('should not ack a message it could not record, and record it when the server resends it', async () => {
    const mall = 880002;
    const shopRules = `rules:shop:pinduoduo:${mall}`;
    await testEnv.RULES.put(shopRules, JSON.stringify({ not: 'rules' })); // this mall's rules unusable: dispatch refuses
    const orderSn = tid();
    const id = `${Date.now()}02`;
    await push({ ...refundCreated(orderSn, mall), id });
    await eventually(async () => ((await socket().status()).counts.notRecorded > 0 ? true : undefined), 'the refusal to record');
    expect(await acksOf(id)).toEqual([]);
    await testEnv.RULES.delete(shopRules); // back to the global rules: the resend (every 3 s) goes through
    await eventually(async () => ((await acksOf(id)).some((r) => r.status === 200) ? true : undefined), 'the ack after the resend');
    const actions = await settled(testEnv, { platform: 'pinduoduo', shopId: String(mall), buyerId: `order:${orderSn}` });
    expect(actions.filter((a) => a.kind === 'escalate')).toHaveLength(1);
  });

  it('should map order messages to paid, shipped and closed', async () => {
    const orderSn = tid();
    const content = { mall_id: MALL, tid: orderSn };
    await push(
      { type: 'pdd_trade_TradeConfirmed', mallID: MALL, content },
      { type: 'pdd_trade_TradeSellerShip', mallID: MALL, content },
      { type: 'pdd_trade_TradeSuccess', mallID: MALL, content },
    );
    for (const [type, kind] of [['pdd_trade_TradeConfirmed', 'order.paid'], ['pdd_trade_TradeSellerShip', 'order.shipped'], ['pdd_trade_TradeSuccess', 'order.closed']] as const) {
      const row = await eventually(async () => (await loggedKind(`${type}:${orderSn}`)) ?? undefined, `the ${type} log row`);
      expect(row.kind).toBe(kind);
    }
  });

  it('should act once on a message delivered twice, and ack both deliveries', async () => {
    const orderSn = tid();
    const id = `${Date.now()}03`;
    const message = { ...refundCreated(orderSn), id, sendTime: Date.now() }; // the very same frame twice
    await push(message, message);
    await eventually(async () => ((await acksOf(id)).filter((r) => r.status === 200).length >= 2 ? true : undefined), 'both acks');
    await settled(testEnv, { platform: 'pinduoduo', shopId: String(MALL), buyerId: `order:${orderSn}` });
    expect(await noticesFor(`order:${orderSn}`)).toHaveLength(1);
  });

  it('should ack an id past 2^53 digit for digit', async () => {
    const id = '9007199254740993123';
    await push({ ...refundCreated(tid()), id });
    const [ack] = await eventually(async () => {
      const found = await acksOf(id);
      return found.length > 0 ? found : undefined;
    }, 'the ack of a big id');
    expect(ack?.status).toBe(200);
    expect(ack?.body).toContain(`"id":${id},`);
  });

  it('should survive garbage frames and stay connected', async () => {
    const before = (await socket().status()).counts.unreadable;
    await push({ raw: 'not json {' }, { raw: '{"commandType":"Common","id":1}' }, { raw: '[1,2,3]' });
    const id = `${Date.now()}04`;
    await push({ ...refundCreated(tid()), id });
    await eventually(async () => ((await acksOf(id)).length > 0 ? true : undefined), 'the ack after the garbage');
    const status = await socket().status();
    expect(status.connected).toBe(true);
    expect(status.counts.unreadable).toBe(before + 3);
  });

  it('should ack and count a message type it does not act on', async () => {
    const id = `${Date.now()}05`;
    await push({ type: 'pdd_trade_TradeMemoModified', mallID: MALL, content: { mall_id: MALL, tid: tid() }, id });
    await eventually(async () => ((await acksOf(id)).some((r) => r.status === 200) ? true : undefined), 'the ack');
    expect((await socket().status()).unhandledTypes.pdd_trade_TradeMemoModified).toBeGreaterThan(0);
  });

  it('should reconnect from its alarm when the server closes the connection', async () => {
    const accepted = async () => (await sandbox.requests('pinduoduo:connect')).filter((r: Recorded) => r.status === 101).length;
    const before = await accepted();
    await sandbox.inbox('pinduoduo:control', [{ close: 1012, reason: 'service restart' }]);
    await eventually(async () => ((await accepted()) > before ? true : undefined), 'a new connection');
    const status = await eventually(async () => {
      const s = await socket().status();
      return s.connected ? s : undefined;
    }, 'the socket to be connected again');
    expect(status.lastError?.reason).toContain('closed by the server (1012');
    // Still working: a message after the reconnect is acked.
    const id = `${Date.now()}06`;
    await push({ ...refundCreated(tid()), id });
    await eventually(async () => ((await acksOf(id)).some((r) => r.status === 200) ? true : undefined), 'an ack on the new connection');
  });

  it('should back off and say why when the service refuses its sign', async () => {
    // A second socket object whose secret is wrong: the service closes it, it waits and retries.
    const stub = testEnv.MESSAGE_SOCKET.get(testEnv.MESSAGE_SOCKET.idFromName('wrong-secret'));
    await runInDurableObject(stub, async (instance: PddMessageSocket) => {
      (instance as unknown as { env: Env }).env = { ...testEnv, PDD_CLIENT_SECRET: 'not-the-secret' };
      await instance.ensureConnected();
    });
    const status = await eventually(async () => {
      const s = await stub.status();
      return s.lastError ? s : undefined;
    }, 'the refusal');
    expect(status.connected).toBe(false);
    expect(status.lastError?.reason).toBe('closed by the server (1008 sign mismatch)');
    expect(status.nextAlarmAt).toBeGreaterThan(Date.now() - 1000);
    await runInDurableObject(stub, (_instance, state) => state.storage.deleteAlarm()); // stop retrying
  });

  it('should be refused by the message service when the path sign is wrong', async () => {
    const base = testEnv.SANDBOX_URL;
    const response = await fetch(`${base}/message/pdd-local-client/${Date.now()}/bm90LXRoZS1zaWdu`, { headers: { Upgrade: 'websocket' } });
    const ws = response.webSocket;
    expect(ws).not.toBeNull();
    ws?.accept();
    const code = await new Promise<number>((resolve) => ws?.addEventListener('close', (event) => resolve(event.code)));
    expect(code).toBe(1008);
    const refused = (await sandbox.requests('pinduoduo:connect')).filter((r) => r.status === 401);
    expect(refused.at(-1)?.body).toBe('sign mismatch');
  });
});
