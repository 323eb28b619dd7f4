import type { Verdict, WebhookRequest } from '@kefu/runtime';
import { doudianEventSign, safeEqual, type DoudianEventSignMethod } from '@kefu/wire';

/**
 * Check a 抖店 push (protocols §1.1): header `app-id` is our app key, and `event-sign` is
 * lowercase hex MD5(app_key + rawBody + app_secret) — CONFIRMED by zsmhub `message/doudian_sign.go`,
 * minibear2021/doudian `core.py` `callback()` and fudiwei `DouyinShopClientEventExtensions.cs`.
 * With header `sign-method: hmac-sha256` the same string is HMAC-SHA256-keyed by the secret:
 * UNCONFIRMED (no SDK shows it). The push carries no timestamp, so a replay can only be caught by
 * `msg_id` dedupe in the conversation.
 */
export function verifyDoudianPush(request: WebhookRequest, appKey: string, appSecret: string): Verdict {
  const appId = request.headers.get('app-id');
  if (appId !== appKey) return { kind: 'rejected', reason: `app-id ${appId === null ? 'is missing' : `${appId} is another app's`}` };
  const method = signMethod(request.headers.get('sign-method'));
  if (!method) return { kind: 'rejected', reason: `unsupported sign-method ${request.headers.get('sign-method')}` };
  const got = (request.headers.get('event-sign') ?? '').trim().toLowerCase();
  if (!got) return { kind: 'rejected', reason: 'event-sign is missing' };
  return safeEqual(got, doudianEventSign(appKey, request.body, appSecret, method)) ? { kind: 'ok' } : { kind: 'rejected', reason: `event-sign mismatch (${method})` };
}

/** The `sign-method` header: absent or md5 → md5 (the documented form), hmac-sha256 → the variant. */
function signMethod(header: string | null): DoudianEventSignMethod | undefined {
  const value = (header ?? 'md5').trim().toLowerCase();
  return value === 'md5' || value === '' ? 'md5' : value === 'hmac-sha256' ? 'hmac-sha256' : undefined;
}
