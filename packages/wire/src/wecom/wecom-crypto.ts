import { base64Decode, base64Encode, utf8 } from '../encoding/index.ts';
import { decryptPkcs7x32, encryptPkcs7x32 } from './aes-cbc-32.ts';
import { WecomCryptoError } from './wecom-crypto-error.ts';
import { importWecomKey } from './wecom-key.ts';

/** random(16) + uint32 big-endian message length: the fixed head of every WeCom plaintext frame. */
const HEAD = 20;
const decoder = new TextDecoder();

/**
 * Seals `message` the way WeCom does (WXBizMsgCrypt, protocols §5.3): AES-256-CBC over
 * `random16 || uint32_be(len) || message || receiveId` with 32-byte PKCS#7, returned as base64.
 * Pass `random16` to make the output deterministic in tests; it defaults to fresh random bytes.
 */
export async function wecomEncrypt(
  encodingAesKey: string,
  message: string,
  receiveId: string,
  random16: Uint8Array = crypto.getRandomValues(new Uint8Array(16)),
): Promise<string> {
  const { key, iv } = await importWecomKey(encodingAesKey);
  if (random16.length !== 16) throw new WecomCryptoError('bad_length', `random16 is ${random16.length} bytes, not 16`);
  const body = utf8(message);
  const id = utf8(receiveId);
  const frame = new Uint8Array(HEAD + body.length + id.length);
  frame.set(random16);
  new DataView(frame.buffer).setUint32(16, body.length, false);
  frame.set(body, HEAD);
  frame.set(id, HEAD + body.length);
  return base64Encode(await encryptPkcs7x32(key, iv, frame));
}

/**
 * Opens a WeCom `Encrypt` field or `echostr` (protocols §5.3) and returns the message, after
 * checking that it was sealed for `receiveId` (the CorpID for 微信客服). Verify the
 * `msg_signature` first. Throws only {@link WecomCryptoError}.
 */
export async function wecomDecrypt(encodingAesKey: string, encryptedBase64: string, receiveId: string): Promise<string> {
  const { key, iv } = await importWecomKey(encodingAesKey);
  if (typeof encryptedBase64 !== 'string') throw new WecomCryptoError('bad_base64', 'ciphertext is not a string');
  let cipher: Uint8Array<ArrayBuffer>;
  try {
    cipher = new Uint8Array(base64Decode(encryptedBase64));
  } catch (cause) {
    throw new WecomCryptoError('bad_base64', 'ciphertext is not base64', { cause });
  }
  const frame = await decryptPkcs7x32(key, iv, cipher);
  if (frame.length < HEAD) throw new WecomCryptoError('bad_length', `frame is ${frame.length} bytes, shorter than its head`);
  const size = new DataView(frame.buffer, frame.byteOffset, frame.byteLength).getUint32(16, false);
  if (size > frame.length - HEAD) {
    throw new WecomCryptoError('bad_length', `message length ${size} runs past the ${frame.length}-byte frame`);
  }
  const id = frame.subarray(HEAD + size);
  if (typeof receiveId !== 'string' || !bytesEqual(id, utf8(receiveId))) {
    throw new WecomCryptoError('receive_id_mismatch', 'message was sealed for another receive id');
  }
  return decoder.decode(frame.subarray(HEAD, HEAD + size));
}

// The receive id is public (a CorpID), so a plain early-exit comparison leaks nothing secret.
function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
