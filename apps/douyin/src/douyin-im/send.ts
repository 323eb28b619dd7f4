import type { OutboundReply, SendResult } from '@kefu/runtime';
import { setting, type DouyinEnv } from '../env.ts';
import { readSendAnswer } from './answer.ts';

/**
 * Reply in a 抖音 private-message conversation: `POST {DOUYIN_OPEN_API_BASE}/im/send/msg/?open_id=<account>`
 * with header `access-token` and body `{msg_id, conversation_id, to_user_id, content:{msg_type:1,
 * text:{text}}}`. Path, header, query and field names: CONFIRMED (fudiwei
 * `DouyinOpenClientExecuteIMExtensions.cs` ExecuteIMSendMessageAsync, `IMSendMessageRequest.cs`).
 * `msg_id` is the buyer's `server_message_id` (valid 24 h) and `conversation_id` its
 * `conversation_short_id`; `msg_type: 1` = text and `scene: im_enter_direct_msg` for a reply to a
 * session-enter event: PARTIAL (third-party SDKs only). The default reply scene is sent without
 * `scene` because its spelling differs between sources (im_replay_msg / im_reply_msg) and the
 * sources call it optional. The API takes no client message id, so a send retried after a lost
 * answer can arrive twice.
 */
export async function sendDouyinIm(reply: OutboundReply, env: DouyinEnv): Promise<SendResult> {
  const token = setting(env, 'DOUYIN_ACCESS_TOKEN');
  if (!token) return { kind: 'refused', reason: 'DOUYIN_ACCESS_TOKEN is not set' };
  const { open_id: openId, conversation_id: conversationId, msg_id: msgId, scene } = reply.channel;
  if (!openId || !conversationId || !msgId) return { kind: 'refused', reason: 'no 抖音 conversation to reply in (open_id, conversation_id or msg_id missing)' };
  const base = (setting(env, 'DOUYIN_OPEN_API_BASE') || 'https://open.douyin.com').replace(/\/+$/, '');
  const body = {
    msg_id: msgId,
    conversation_id: conversationId,
    to_user_id: reply.buyerId,
    content: { msg_type: 1, text: { text: reply.text } },
    ...(scene === 'enter' ? { scene: 'im_enter_direct_msg' } : {}),
  };
  try {
    const response = await fetch(`${base}/im/send/msg/?${new URLSearchParams({ open_id: openId })}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'access-token': token },
      body: JSON.stringify(body),
    });
    return readSendAnswer(response.status, await response.text());
  } catch (error) {
    return { kind: 'retry', reason: `抖音 unreachable: ${error instanceof Error ? error.message : String(error)}` };
  }
}
