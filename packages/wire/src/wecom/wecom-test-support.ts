import { createCipheriv } from 'node:crypto';
import { expect } from 'vitest';
import { WecomCryptoError, type WecomCryptoReason } from './wecom-crypto-error.ts';

/** A synthetic 43-character EncodingAESKey (test only). */
export const AES_KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
/** A synthetic CorpID; 12 bytes, so a message of n bytes leaves pad 32 - (n % 32). */
export const CORP_ID = 'wwTESTCORPID';

/**
 * Encrypts raw bytes with node:crypto, no padding added, so tests build ciphertexts independently
 * of the code under test (including deliberately broken padding and frames).
 */
export function nodeEncryptRaw(encodingAesKey: string, plain: Uint8Array): string {
  const key = Buffer.from(`${encodingAesKey}=`, 'base64');
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(plain), cipher.final()]).toString('base64');
}

/** WeCom framing plus 32-byte PKCS#7, done by hand with Buffer: the reference encrypt. */
export function nodeWecomEncrypt(encodingAesKey: string, message: string, receiveId: string, random16: Uint8Array): string {
  const body = Buffer.from(message, 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  const frame = Buffer.concat([random16, length, body, Buffer.from(receiveId, 'utf8')]);
  const pad = 32 - (frame.length % 32);
  return nodeEncryptRaw(encodingAesKey, Buffer.concat([frame, Buffer.alloc(pad, pad)]));
}

/** Asserts that `promise` rejects with a WecomCryptoError of exactly `reason`. */
export async function expectReason(promise: Promise<unknown>, reason: WecomCryptoReason): Promise<void> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WecomCryptoError);
  expect((error as WecomCryptoError).reason).toBe(reason);
}
