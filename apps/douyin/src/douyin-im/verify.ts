import type { Verdict, WebhookRequest } from '@kefu/runtime';
import { douyinOpenSignature, safeEqual } from '@kefu/wire';
import { parseJson } from '../json/index.ts';

/**
 * Check a 抖音开放平台 webhook (protocols §1.3, CONFIRMED: developer.open-douyin.com
 * …/dop/develop/webhooks/summarize, fudiwei `DouyinOpenClientEventExtensions.cs`):
 * `X-Douyin-Signature` = hex SHA1(client_secret + rawBody), and `client_key` is our app.
 * The URL check (`verify_webhook`) is signed the same way in the docs' example but its documented
 * `client_key` is empty, so an empty key is allowed for that event only. There is no timestamp:
 * replays are caught by message-id dedupe.
 */
export function verifyDouyinWebhook(request: WebhookRequest, clientKey: string, clientSecret: string): Verdict {
  const got = (request.headers.get('x-douyin-signature') ?? '').trim().toLowerCase();
  if (!got) return { kind: 'rejected', reason: 'X-Douyin-Signature is missing' };
  if (!safeEqual(got, douyinOpenSignature(clientSecret, request.body))) return { kind: 'rejected', reason: 'X-Douyin-Signature mismatch' };
  const json = parseJson(request.body);
  // A signed body that is not an envelope is the parser's to refuse with a 400.
  if (json.kind === 'invalid' || typeof json.value !== 'object' || json.value === null) return { kind: 'ok' };
  const { event, client_key: key } = json.value as { event?: unknown; client_key?: unknown };
  if (key === undefined || key === clientKey) return { kind: 'ok' };
  if (event === 'verify_webhook' && key === '') return { kind: 'ok' };
  return { kind: 'rejected', reason: `client_key ${String(key)} is another app's` };
}
