export { buildXml } from './build-xml.ts';
export { wecomSignature } from './msg-signature.ts';
export { parseXml } from './parse-xml.ts';
export { WECOM_CRYPTO_REASONS, WecomCryptoError, type WecomCryptoReason } from './wecom-crypto-error.ts';
export { wecomDecrypt, wecomEncrypt } from './wecom-crypto.ts';
export { XmlError } from './xml-error.ts';
