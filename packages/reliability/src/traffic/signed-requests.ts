import type { Platform } from '@kefu/core';
import { buildXml, doudianBridgeSigner, doudianEventSign, douyinOpenSignature, josBridgeSigner, pddBridgeSigner, topBridgeSigner, wecomEncrypt, wecomSignature, type BridgeSigner } from '@kefu/wire';
import { CREDENTIALS } from './deliver.ts';

/** A request to one worker, before it is sent. */
export type SignedRequest = { platform: Platform; method: 'POST' | 'GET'; path: string; query?: Record<string, string>; headers: Record<string, string>; body: string | Uint8Array };

/** How to get a signature wrong (or right): the knobs every forgery turns. */
export type Signing = {
  /** Sign with this secret (or WeCom token) instead of ours. */
  secret?: string;
  /** Name this app (app key, client_key, app-id, corp id) instead of ours. */
  app?: string;
  /** When it was signed (epoch ms; bridge and WeCom sign a timestamp). */
  at?: number;
  /** Sign this body, then send the real one (tampering in transit). */
  signedBody?: string;
  /** Leave the signature out. */
  unsigned?: boolean;
};

const c = (name: string) => CREDENTIALS[name] ?? '';

/** Each chat bridge's signer and credential names (docs/chat-bridge.md §3). */
const BRIDGES: Record<'taobao' | 'pinduoduo' | 'jd' | 'douyin', { signer: BridgeSigner; appKey: string; secret: string }> = {
  taobao: { signer: topBridgeSigner, appKey: 'TAOBAO_BRIDGE_APP_KEY', secret: 'TAOBAO_BRIDGE_SECRET' },
  pinduoduo: { signer: pddBridgeSigner, appKey: 'PDD_BRIDGE_CLIENT_ID', secret: 'PDD_BRIDGE_SECRET' },
  jd: { signer: josBridgeSigner, appKey: 'JD_BRIDGE_APP_KEY', secret: 'JD_BRIDGE_SECRET' },
  // 抖店 飞鸽 chat through the bridge, on the douyin worker.
  douyin: { signer: doudianBridgeSigner, appKey: 'DOUYIN_BRIDGE_APP_KEY', secret: 'DOUYIN_BRIDGE_SECRET' },
};
export type BridgePlatform = keyof typeof BRIDGES;
export const BRIDGE_PLATFORMS = Object.keys(BRIDGES) as BridgePlatform[];

/** The bridge envelope with one buyer text. */
export const bridgeBody = (shop: string, buyer: string, msgId: string, text: string) =>
  JSON.stringify({ messages: [{ type: 'buyer_text', msg_id: msgId, shop_id: shop, buyer_id: buyer, sent_at: Date.now(), text }] });

/** `POST /bridge/messages`: system parameters and `sign` in the query, the body signed as sent. */
export function bridgeRequest(platform: BridgePlatform, body: string | Uint8Array, s: Signing = {}): SignedRequest {
  const b = BRIDGES[platform];
  const params = b.signer.systemParams(s.app ?? c(b.appKey), 'kefu.bridge.messages', s.at ?? Date.now());
  const signed = s.signedBody ?? (typeof body === 'string' ? body : new TextDecoder().decode(body));
  const query = s.unsigned ? params : { ...params, sign: b.signer.sign(params, signed, s.secret ?? c(b.secret)) };
  return { platform, method: 'POST', path: '/bridge/messages', query, headers: { 'content-type': 'application/json' }, body };
}

/** A 抖音开放平台 `im_receive_msg` webhook body. */
export const douyinImBody = (account: string, buyer: string, msgId: string, text: string, clientKey = c('DOUYIN_CLIENT_KEY')) =>
  JSON.stringify({
    event: 'im_receive_msg',
    client_key: clientKey,
    from_user_id: buyer,
    to_user_id: account,
    content: { conversation_short_id: `@conv-${buyer}`, server_message_id: msgId, conversation_type: 1, message_type: 'text', text, create_time: Date.now() },
    log_id: `log-${msgId}`,
  });

/** `POST /webhooks/douyin-im`: X-Douyin-Signature = sha1(client_secret + body); no timestamp. */
export function douyinImRequest(body: string | Uint8Array, s: Signing = {}): SignedRequest {
  const signed = s.signedBody ?? (typeof body === 'string' ? body : new TextDecoder().decode(body));
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (!s.unsigned) headers['x-douyin-signature'] = douyinOpenSignature(s.secret ?? c('DOUYIN_CLIENT_SECRET'), signed);
  return { platform: 'douyin', method: 'POST', path: '/webhooks/douyin-im', headers, body };
}

/** A 抖店 push body with one created, unpaid order (tag 100): ids as bare integers, `data` as JSON text. */
export function doudianBody(shop: string, order: string, msgId: string): string {
  const data = `{"p_id":${order},"s_ids":[${order}],"shop_id":${shop},"biz":1,"order_status":1,"order_type":0,"create_time":${Math.floor(Date.now() / 1000)}}`;
  return `[{"tag":"100","msg_id":${JSON.stringify(msgId)},"data":${JSON.stringify(data)}}]`;
}

/** `POST /webhooks/doudian`: header app-id, event-sign = md5(app_key + body + app_secret); no timestamp. */
export function doudianRequest(body: string | Uint8Array, s: Signing = {}): SignedRequest {
  const app = s.app ?? c('DOUDIAN_APP_KEY');
  const signed = s.signedBody ?? (typeof body === 'string' ? body : new TextDecoder().decode(body));
  const headers: Record<string, string> = { 'content-type': 'application/json', 'app-id': app };
  if (!s.unsigned) headers['event-sign'] = doudianEventSign(app, signed, s.secret ?? c('DOUDIAN_APP_SECRET'), 'md5');
  return { platform: 'douyin', method: 'POST', path: '/webhooks/doudian', headers, body };
}

let nonces = 0;

/**
 * `POST /webhooks/wecom`: the kf_msg_or_event callback, AES-encrypted for a corp and signed over
 * the Encrypt field with the callback Token (the body itself is not signed). `inner` replaces the
 * decrypted XML; `encrypt` replaces the Encrypt field (still signed).
 */
export async function wecomCallbackRequest(openKfId: string, s: Signing & { inner?: string; encrypt?: string; outer?: (encrypt: string) => string } = {}): Promise<SignedRequest> {
  const corpId = s.app ?? c('WECOM_CORP_ID');
  const seconds = Math.floor((s.at ?? Date.now()) / 1000);
  const inner = s.inner ?? buildXml({ ToUserName: corpId, CreateTime: seconds, MsgType: 'event', Event: 'kf_msg_or_event', Token: `ENCrel${(nonces += 1)}`, OpenKfId: openKfId });
  const encrypt = s.encrypt ?? (await wecomEncrypt(c('WECOM_ENCODING_AES_KEY'), inner, corpId));
  const timestamp = String(seconds);
  const nonce = `rel${nonces}${Date.now() % 100_000}`;
  const signature = wecomSignature(s.secret ?? c('WECOM_TOKEN'), timestamp, nonce, s.signedBody ?? encrypt);
  const query: Record<string, string> = s.unsigned ? { timestamp, nonce } : { msg_signature: signature, timestamp, nonce };
  const body = s.outer ? s.outer(encrypt) : buildXml({ ToUserName: corpId, AgentID: '', Encrypt: encrypt });
  return { platform: 'wecom', method: 'POST', path: '/webhooks/wecom', query, headers: { 'content-type': 'text/xml' }, body };
}

/** One answer from a worker. */
export type Answer = { status: number | 'network'; contentType: string; text: string };

/** Send a built request to its worker (no retries: the caller wants the first answer). */
export async function send(stackUrl: (p: Platform) => string, r: SignedRequest): Promise<Answer> {
  const query = r.query ? `?${new URLSearchParams(r.query)}` : '';
  try {
    const response = await fetch(`${stackUrl(r.platform)}${r.path}${query}`, { method: r.method, headers: r.headers, ...(r.method === 'POST' ? { body: r.body } : {}) });
    return { status: response.status, contentType: response.headers.get('content-type') ?? '', text: await response.text() };
  } catch (error) {
    return { status: 'network', contentType: '', text: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}
