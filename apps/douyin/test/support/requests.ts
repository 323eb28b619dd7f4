// Signed requests the way 抖店 and 抖音开放平台 send them, for the tests (credentials from the env
// the sandbox's stand-in bound: see packages/sandbox/src/stand-ins/douyin.ts).
import { doudianEventSign, douyinOpenSignature, type DoudianEventSignMethod } from '@kefu/wire';
import { env } from 'cloudflare:test';

const settings = env as unknown as Record<string, string>;
export const DOUDIAN_APP_KEY = settings.DOUDIAN_APP_KEY as string;
export const DOUDIAN_APP_SECRET = settings.DOUDIAN_APP_SECRET as string;
export const DOUYIN_CLIENT_KEY = settings.DOUYIN_CLIENT_KEY as string;
export const DOUYIN_CLIENT_SECRET = settings.DOUYIN_CLIENT_SECRET as string;
export const DOUYIN_ACCESS_TOKEN = settings.DOUYIN_ACCESS_TOKEN as string;

let counter = 0;
/** A unique id for this test run (buyers, messages, orders). */
export const unique = (what: string) => `${what}-${Date.now().toString(36)}-${(counter += 1)}`;
/** A unique 19-digit order id, beyond 2^53 like real 抖店 order ids. */
export const orderId = () => `47${Date.now().toString().slice(-10)}${String((counter += 1) % 10_000_000).padStart(7, '0')}`;

type DoudianOptions = { appId?: string; secret?: string; method?: DoudianEventSignMethod; signMethodHeader?: string; sign?: string };

/** A 抖店 push request for a raw body, signed with `event-sign`. */
export function doudianRequest(body: string, o: DoudianOptions = {}): Request {
  const appId = o.appId ?? DOUDIAN_APP_KEY;
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'app-id': appId,
    'event-sign': o.sign ?? doudianEventSign(appId, body, o.secret ?? DOUDIAN_APP_SECRET, o.method ?? 'md5'),
  };
  const signMethod = o.signMethodHeader ?? (o.method === 'hmac-sha256' ? 'hmac-sha256' : undefined);
  if (signMethod) headers['sign-method'] = signMethod;
  return new Request('https://kefu.test/webhooks/doudian', { method: 'POST', headers, body });
}

/** One push item; `data` is written as JSON text with ids as bare integers, as 抖店 writes them. */
export function pushItem(tag: number | string, msgId: string, data: Record<string, string | number | object>): string {
  const fields = Object.entries(data).map(([k, v]) => `${JSON.stringify(k)}:${typeof v === 'string' && /^\d+$/.test(v) ? v : JSON.stringify(v)}`);
  const dataText = `{${fields.join(',')}}`;
  return `{"tag":${JSON.stringify(String(tag))},"msg_id":${JSON.stringify(msgId)},"data":${JSON.stringify(dataText)}}`;
}

/** A push body of several items. */
export const pushBody = (...items: string[]) => `[${items.join(',')}]`;

type ImOptions = { secret?: string; msgIdHeader?: string };

/** A 抖音开放平台 webhook request, signed with `X-Douyin-Signature`. */
export function imRequest(payload: unknown, o: ImOptions = {}): Request {
  const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-douyin-signature': douyinOpenSignature(o.secret ?? DOUYIN_CLIENT_SECRET, body),
  };
  if (o.msgIdHeader) headers['msg-id'] = o.msgIdHeader;
  return new Request('https://kefu.test/webhooks/douyin-im', { method: 'POST', headers, body });
}

type ImMessage = { account: string; buyerId: string; messageId: string; text: string; conversationId?: string; clientKey?: string; contentAsText?: boolean; event?: string; source?: string; messageType?: string };

/** An im_receive_msg (or another IM event) body as the IM webhook docs show it. */
export function imEvent(m: ImMessage): Record<string, unknown> {
  const sent = m.event === 'im_send_msg';
  const content = {
    conversation_short_id: m.conversationId ?? `@conv-${m.buyerId}`,
    server_message_id: m.messageId,
    conversation_type: 1,
    message_type: m.messageType ?? 'text',
    text: m.text,
    create_time: Date.now(),
    ...(m.source ? { source: m.source } : {}),
    user_infos: [{ open_id: m.buyerId, nick_name: '买家昵称', avatar: 'https://example.invalid/a.png' }],
  };
  return {
    event: m.event ?? 'im_receive_msg',
    client_key: m.clientKey ?? DOUYIN_CLIENT_KEY,
    from_user_id: sent ? m.account : m.buyerId,
    to_user_id: sent ? m.buyerId : m.account,
    content: m.contentAsText ? JSON.stringify(content) : content,
    log_id: unique('log'),
  };
}
