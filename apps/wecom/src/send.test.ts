import type { OutboundReply } from '@kefu/runtime';
import { sandboxClient, type TestEnv } from '@kefu/runtime/contract';
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import type { WecomEnv } from './env.ts';
import { sendReply, WELCOME_CODE_MS } from './send.ts';
import { msgidFor } from './send-fields.ts';
import { syncMsg } from './sync-msg.ts';

// The adapter's send against the sandbox's WeCom (real HTTP, real token handling).
const wecomEnv = env as unknown as WecomEnv & TestEnv;
const sandbox = sandboxClient(wecomEnv.SANDBOX_URL);
const OPEN_KFID = 'wkSendUnit';
let n = 0;
const reply = (o: Partial<OutboundReply> = {}): OutboundReply => ({
  actionId: `send-unit-${Date.now()}-${(n += 1)}#0`, platform: 'wecom', shopId: OPEN_KFID, buyerId: `wmSend${n}`, text: '亲，您好！', channel: {}, script: 'greeting', ...o,
});

/** Have the sandbox hand out a welcome_code, as an enter_session event in sync_msg. */
async function issueWelcomeCode(code: string): Promise<void> {
  const event = { msgid: `enter-${code}`, send_time: Math.floor(Date.now() / 1000), origin: 4, msgtype: 'event', event: { event_type: 'enter_session', open_kfid: OPEN_KFID, external_userid: 'wmNew', welcome_code: code } };
  await sandbox.inbox(`wecom:${OPEN_KFID}`, [event]);
  expect((await syncMsg(wecomEnv, { openKfId: OPEN_KFID })).kind).toBe('page');
}

describe('sendReply', () => {
  it('should greet through send_msg_on_event while the welcome_code is fresh', async () => {
    await issueWelcomeCode('CODE-fresh');
    const r = reply({ channel: { welcome_code: 'CODE-fresh', welcome_code_at: String(Date.now() - 2_000) } });
    expect(await sendReply(r, wecomEnv)).toEqual({ kind: 'sent', platformMessageId: msgidFor(r.actionId) });
    const calls = (await sandbox.requests('wecom:send_msg_on_event')).filter((c) => (c.parsed as { code: string }).code === 'CODE-fresh');
    expect(calls.map((c) => c.parsed)).toEqual([{ code: 'CODE-fresh', msgid: msgidFor(r.actionId), msgtype: 'text', text: { content: '亲，您好！' } }]);
  });

  it('should use send_msg once the code is 20 s old, and for anything but a greeting', async () => {
    const stale = reply({ channel: { welcome_code: 'CODE-old', welcome_code_at: String(Date.now() - WELCOME_CODE_MS) } });
    const faq = reply({ script: 'faq', channel: { welcome_code: 'CODE-x', welcome_code_at: String(Date.now()) } });
    for (const r of [stale, faq]) {
      expect((await sendReply(r, wecomEnv)).kind).toBe('sent');
      const calls = (await sandbox.requests('wecom:send_msg')).filter((c) => (c.parsed as { touser: string }).touser === r.buyerId);
      expect(calls.map((c) => c.parsed)).toEqual([{ touser: r.buyerId, open_kfid: OPEN_KFID, msgid: msgidFor(r.actionId), msgtype: 'text', text: { content: r.text } }]);
    }
  });

  it('should cut a long reply to 2048 bytes so WeCom takes it', async () => {
    const r = reply({ script: 'faq', text: '亲'.repeat(1000) });
    expect((await sendReply(r, wecomEnv)).kind).toBe('sent');
    const call = (await sandbox.requests('wecom:send_msg')).find((c) => (c.parsed as { touser: string }).touser === r.buyerId);
    expect((call?.parsed as { text: { content: string } }).text.content).toBe('亲'.repeat(682));
  });

  it('should report a refused welcome (code spent) with its errcode, not throw', async () => {
    await issueWelcomeCode('CODE-once');
    const channel = { welcome_code: 'CODE-once', welcome_code_at: String(Date.now()) };
    expect((await sendReply(reply({ channel }), wecomEnv)).kind).toBe('sent');
    expect(await sendReply(reply({ channel }), wecomEnv)).toEqual({ kind: 'refused', reason: expect.stringMatching(/errcode 40035: invalid code: already used/) });
  });

  it('should ask for a retry when WeCom fails with 5xx or drops the connection', async () => {
    for (const failWith of [503, 'drop'] as const) {
      await sandbox.faults('wecom:send_msg', { failRate: 1, failWith });
      try {
        expect(await sendReply(reply({ script: 'faq' }), wecomEnv)).toEqual({ kind: 'retry', reason: expect.stringMatching(/send_msg: (HTTP 503|network error)/) });
      } finally {
        await sandbox.faults('wecom:send_msg', {});
      }
    }
  });
});
