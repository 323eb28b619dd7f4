import { base64Decode } from '../encoding/index.ts';
import { WecomCryptoError } from './wecom-crypto-error.ts';

/** A Web Crypto key, whichever runtime's typings (Node's or workerd's) are in scope. */
export type AesKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;

/** An imported WeCom AES key and its IV, which WeCom fixes to the key's first 16 bytes. */
export type WecomKey = { key: AesKey; iv: Uint8Array<ArrayBuffer> };

const KEY_CHARS = 43;

/** Imports a 43-character EncodingAESKey (base64 of 32 bytes with the trailing `=` dropped). */
export async function importWecomKey(encodingAesKey: string): Promise<WecomKey> {
  if (typeof encodingAesKey !== 'string' || encodingAesKey.length !== KEY_CHARS) {
    throw new WecomCryptoError('bad_key', `EncodingAESKey must be ${KEY_CHARS} characters`);
  }
  let raw: Uint8Array;
  try {
    raw = base64Decode(encodingAesKey);
  } catch (cause) {
    throw new WecomCryptoError('bad_key', 'EncodingAESKey is not base64', { cause });
  }
  const bytes = new Uint8Array(raw); // a fresh ArrayBuffer-backed copy, as Web Crypto's types want
  const key = await crypto.subtle.importKey('raw', bytes, { name: 'AES-CBC' }, false, ['encrypt', 'decrypt']);
  return { key, iv: bytes.slice(0, 16) };
}
