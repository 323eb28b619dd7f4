import type { OutboundReply, SendResult } from '@kefu/runtime';
import type { WecomEnv } from './env.ts';
import { callKfApi } from './kf-api.ts';
import { cutUtf8, msgidFor } from './send-fields.ts';

/** A welcome_code may be used once, within 20 s of its enter_session event (CONFIRMED, `work/kf/sendmsgonevent.go`). */
export const WELCOME_CODE_MS = 20_000;

/**
 * Send one reply. A greeting while the buyer's welcome_code is fresh goes through
 * `send_msg_on_event` (the only way to greet someone who has not written yet); everything else
 * through `send_msg` to (open_kfid, external_userid) (protocols §5.5/§5.6).
 * errcode 0 → sent; busy, rate limit, 5xx, network → retry; any other errcode → refused with it.
 */
export async function sendReply(reply: OutboundReply, env: WecomEnv, now: number = Date.now()): Promise<SendResult> {
  const msgid = msgidFor(reply.actionId);
  const text = { content: cutUtf8(reply.text) };
  const code = reply.channel.welcome_code;
  const issuedAt = Number(reply.channel.welcome_code_at);
  const welcome = reply.script === 'greeting' && !!code && Number.isFinite(issuedAt) && now - issuedAt < WELCOME_CODE_MS;
  const answer = welcome
    ? await callKfApi(env, '/cgi-bin/kf/send_msg_on_event', { code, msgid, msgtype: 'text', text })
    : await callKfApi(env, '/cgi-bin/kf/send_msg', { touser: reply.buyerId, open_kfid: reply.shopId, msgid, msgtype: 'text', text });
  if (answer.kind !== 'ok') return answer;
  return { kind: 'sent', platformMessageId: typeof answer.body.msgid === 'string' ? answer.body.msgid : msgid };
}
