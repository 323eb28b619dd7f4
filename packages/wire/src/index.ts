export { doudianApiSign, doudianEventSign, type DoudianApiParams, type DoudianApiSignMethod, type DoudianEventSignMethod } from './doudian/index.ts';
export { douyinOpenSignature } from './douyin-open/index.ts';
export { hmacBase64, hmacHex, md5Hex, safeEqual, sha1Hex, sha256Hex, type HmacAlgorithm } from './digest/index.ts';
export { base64Decode, base64Encode, utf8 } from './encoding/index.ts';
export { JOS_SIGN_METHODS, josTimestamp, signJos, type JosSignMethod } from './jd/index.ts';
export { pddMessageSocketPath, signPdd } from './pdd/index.ts';
export { dingtalkSign, feishuSign, genericWebhookSignature, slackSignature } from './team/index.ts';
export { signTop, topTimestamp, TOP_SIGN_METHODS, type TopSignMethod } from './top/index.ts';
export {
  buildXml,
  parseXml,
  WECOM_CRYPTO_REASONS,
  wecomDecrypt,
  wecomEncrypt,
  WecomCryptoError,
  wecomSignature,
  XmlError,
  type WecomCryptoReason,
} from './wecom/index.ts';
export * from './bridge/index.ts';
