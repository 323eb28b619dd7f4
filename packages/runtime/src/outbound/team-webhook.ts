import { genericWebhookSignature } from '@kefu/wire';
import type { SendResult } from '../adapter/adapter.ts';
import type { RuntimeEnv } from '../env.ts';
import type { TeamNotice } from './job.ts';

/**
 * Post a team notice to the shop's generic signed JSON webhook: body `{type, id, notice}`, headers
 * `X-Kefu-Timestamp` (unix s) and `X-Kefu-Signature: sha256=<hex HMAC-SHA256(secret, ts + "." + body)>`.
 * The receiver dedupes by `id`. (DingTalk, Feishu, WeCom group and Slack come with packages/notify.)
 */
export async function postTeamWebhook(env: RuntimeEnv, id: string, notice: TeamNotice, now: number): Promise<SendResult> {
  if (!env.TEAM_WEBHOOK_URL) return { kind: 'refused', reason: 'no team channel configured (TEAM_WEBHOOK_URL)' };
  const body = JSON.stringify({ type: 'kefu.escalation', id, notice });
  const timestamp = String(Math.floor(now / 1000));
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', 'x-kefu-timestamp': timestamp, 'x-kefu-delivery': id };
  if (env.TEAM_WEBHOOK_SECRET) headers['x-kefu-signature'] = genericWebhookSignature(env.TEAM_WEBHOOK_SECRET, timestamp, body);
  const response = await fetch(env.TEAM_WEBHOOK_URL, { method: 'POST', headers, body });
  if (response.ok) return { kind: 'sent' };
  const reason = `team webhook answered ${response.status}`;
  return response.status === 429 || response.status >= 500 ? { kind: 'retry', reason } : { kind: 'refused', reason };
}
