// Test-side helpers: speak WeCom's side of the callback, and queue what sync_msg will hand out.
import { sandboxClient, type TestEnv } from '@kefu/runtime/contract';
import { buildXml, wecomEncrypt, wecomSignature } from '@kefu/wire';

type Credentials = { WECOM_CORP_ID: string; WECOM_TOKEN: string; WECOM_ENCODING_AES_KEY: string };
export type WecomTestEnv = TestEnv & Credentials;

export type CallbackOptions = {
  openKfId: string;
  /** The Token we sign with (default: ours). */
  signingToken?: string;
  /** The CorpID the inner message is sealed for, and the outer ToUserName (default: ours). */
  corpId?: string;
  /** Only the receive id inside the ciphertext differs (ToUserName stays ours). */
  sealedFor?: string;
  /** Unix seconds (default: now). */
  timestamp?: number;
  /** Replace the Encrypt field (still signed). */
  encrypt?: string;
  /** Replace the decrypted inner XML. */
  inner?: string;
  /** The callback's sync Token. */
  syncToken?: string;
};

let nonces = 0;

/** A 微信客服 kf_msg_or_event callback POST, encrypted and signed the way WeCom does it. */
export async function callbackRequest(env: WecomTestEnv, o: CallbackOptions): Promise<Request> {
  const corpId = o.corpId ?? env.WECOM_CORP_ID;
  const timestamp = String(o.timestamp ?? Math.floor(Date.now() / 1000));
  const nonce = `n${(nonces += 1)}${Date.now() % 100_000}`;
  const inner = o.inner ?? buildXml({ ToUserName: corpId, CreateTime: Number(timestamp), MsgType: 'event', Event: 'kf_msg_or_event', Token: o.syncToken ?? 'ENCsyncToken0123456789', OpenKfId: o.openKfId });
  const encrypt = o.encrypt ?? (await wecomEncrypt(env.WECOM_ENCODING_AES_KEY, inner, o.sealedFor ?? corpId));
  const signature = wecomSignature(o.signingToken ?? env.WECOM_TOKEN, timestamp, nonce, encrypt);
  const query = new URLSearchParams({ msg_signature: signature, timestamp, nonce });
  const body = buildXml({ ToUserName: corpId, AgentID: '', Encrypt: encrypt });
  return new Request(`https://kefu.test/webhooks/wecom?${query}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body });
}

/** The GET URL check WeCom makes when the callback URL is saved. */
export async function urlCheck(env: WecomTestEnv, plain: string, o: { signingToken?: string; sealedFor?: string } = {}): Promise<Request> {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = `v${(nonces += 1)}`;
  const echostr = await wecomEncrypt(env.WECOM_ENCODING_AES_KEY, plain, o.sealedFor ?? env.WECOM_CORP_ID);
  const signature = wecomSignature(o.signingToken ?? env.WECOM_TOKEN, timestamp, nonce, echostr);
  const query = new URLSearchParams({ msg_signature: signature, timestamp, nonce, echostr });
  return new Request(`https://kefu.test/webhooks/wecom?${query}`);
}

/** One sync_msg item, as WeCom lists it. */
export type SyncItem = Record<string, unknown>;
const seconds = () => Math.floor(Date.now() / 1000);

export const customerText = (openKfId: string, buyerId: string, msgid: string, content: string): SyncItem => ({
  msgid, open_kfid: openKfId, external_userid: buyerId, send_time: seconds(), origin: 3, msgtype: 'text', text: { content },
});
export const customerImage = (openKfId: string, buyerId: string, msgid: string): SyncItem => ({
  msgid, open_kfid: openKfId, external_userid: buyerId, send_time: seconds(), origin: 3, msgtype: 'image', image: { media_id: 'MEDIA_ID_1' },
});
export const servicerText = (openKfId: string, buyerId: string, msgid: string, content: string): SyncItem => ({
  msgid, open_kfid: openKfId, external_userid: buyerId, send_time: seconds(), origin: 5, servicer_userid: 'zhangsan', msgtype: 'text', text: { content },
});
/** enter_session: open_kfid and external_userid sit inside `event` for system events. */
export const enterSession = (openKfId: string, buyerId: string, msgid: string, welcomeCode?: string): SyncItem => ({
  msgid, send_time: seconds(), origin: 4, msgtype: 'event',
  event: { event_type: 'enter_session', open_kfid: openKfId, external_userid: buyerId, scene: 'shop', scene_param: '', ...(welcomeCode ? { welcome_code: welcomeCode } : {}) },
});

/** Queue items for sync_msg to hand out for this account. */
export async function queueSync(env: WecomTestEnv, openKfId: string, items: SyncItem[]): Promise<void> {
  await sandboxClient(env.SANDBOX_URL).inbox(`wecom:${openKfId}`, items);
}
