import { buildXml, wecomEncrypt, wecomSignature } from '@kefu/wire';
import type { Simulator } from './simulated.ts';

/**
 * A 微信客服 message the WeCom way: the message itself is queued for the sandbox's `sync_msg`, and
 * the worker gets the encrypted, signed `kf_msg_or_event` callback that tells it to pull. The shop
 * is the 客服账号 (open_kfid); a person's message is a servicer message (origin 5).
 */
export const wecomCallback: Simulator = async (s, credentials, now) => {
  const seconds = Math.floor(now / 1000);
  const corpId = credentials.WECOM_CORP_ID ?? '';
  const item = {
    msgid: s.messageId,
    open_kfid: s.shop,
    external_userid: s.buyer,
    send_time: seconds,
    origin: s.from === 'buyer' ? 3 : 5,
    ...(s.from === 'agent' ? { servicer_userid: 'local-servicer' } : {}),
    msgtype: 'text',
    text: { content: s.text },
  };
  const inner = buildXml({ ToUserName: corpId, CreateTime: seconds, MsgType: 'event', Event: 'kf_msg_or_event', Token: `ENC${s.messageId}`, OpenKfId: s.shop });
  const encrypt = await wecomEncrypt(credentials.WECOM_ENCODING_AES_KEY ?? '', inner, corpId);
  const timestamp = String(seconds);
  const nonce = s.messageId.replace(/\W/g, '').slice(-10);
  return {
    inbox: { key: `wecom:${s.shop}`, items: [item] },
    path: '/webhooks/wecom',
    query: { msg_signature: wecomSignature(credentials.WECOM_TOKEN ?? '', timestamp, nonce, encrypt), timestamp, nonce },
    headers: { 'content-type': 'text/xml' },
    body: buildXml({ ToUserName: corpId, AgentID: '', Encrypt: encrypt }),
  };
};
