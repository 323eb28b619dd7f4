import { WecomCryptoError } from './wecom-crypto-error.ts';
import type { AesKey } from './wecom-key.ts';

/**
 * AES-256-CBC with PKCS#7 padding to 32-byte blocks, on Web Crypto only (protocols §5.3).
 * Web Crypto always applies 16-byte PKCS#7 and rejects pad values 17..32, so we pad and unpad
 * ourselves and make its own padding step a no-op, as described per function.
 */
const BLOCK = 32;

/** Encrypts `plain` after padding it to 32-byte blocks; returns the ciphertext without Web Crypto's extra block. */
export async function encryptPkcs7x32(key: AesKey, iv: Uint8Array<ArrayBuffer>, plain: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  const pad = BLOCK - (plain.length % BLOCK); // 1..32, a full block when already aligned
  const padded = new Uint8Array(plain.length + pad);
  padded.set(plain);
  padded.fill(pad, plain.length);
  const out = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-CBC', iv }, key, padded));
  // padded is block-aligned, so Web Crypto appended exactly one 16-byte block of 0x10 padding.
  return out.slice(0, padded.length);
}

/** Decrypts whole 32-byte blocks and strips the 1..32 byte PKCS#7 padding. */
export async function decryptPkcs7x32(key: AesKey, iv: Uint8Array<ArrayBuffer>, cipher: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  if (cipher.length === 0 || cipher.length % BLOCK !== 0) {
    throw new WecomCryptoError('bad_length', `ciphertext is ${cipher.length} bytes, not a positive multiple of ${BLOCK}`);
  }
  let padded: Uint8Array<ArrayBuffer>;
  try {
    // Encrypting nothing with iv = last cipher block yields E_K(last XOR 0x10*16): the block that,
    // appended, decrypts to a full 16-byte 0x10 pad. Web Crypto's check passes and strips it,
    // leaving our own padding intact for us to verify.
    const extra = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-CBC', iv: cipher.slice(-16) }, key, new Uint8Array(0)));
    const extended = new Uint8Array(cipher.length + extra.length);
    extended.set(cipher);
    extended.set(extra, cipher.length);
    padded = new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-CBC', iv }, key, extended));
  } catch (cause) {
    throw new WecomCryptoError('bad_padding', 'AES-CBC decryption failed', { cause });
  }
  const pad = padded[padded.length - 1] ?? 0;
  if (padded.length !== cipher.length || pad < 1 || pad > BLOCK) {
    throw new WecomCryptoError('bad_padding', `pad value ${pad} is outside 1..${BLOCK}`);
  }
  for (let i = padded.length - pad; i < padded.length; i++) {
    if (padded[i] !== pad) throw new WecomCryptoError('bad_padding', 'pad bytes are not all equal');
  }
  return padded.slice(0, padded.length - pad);
}
