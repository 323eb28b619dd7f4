/** Every way a WeCom ciphertext, key or frame can be malformed. */
export const WECOM_CRYPTO_REASONS = ['bad_key', 'bad_base64', 'bad_padding', 'bad_length', 'receive_id_mismatch'] as const;

/**
 * Why WeCom crypto failed:
 * - `bad_key`: EncodingAESKey is not 43 base64 characters;
 * - `bad_base64`: the ciphertext is not valid base64;
 * - `bad_padding`: the decrypted padding is not 32-byte PKCS#7 (wrong key or tampered data);
 * - `bad_length`: ciphertext not whole 32-byte blocks, a frame length past the end, or a bad `random16`;
 * - `receive_id_mismatch`: the message was sealed for another CorpID / receive id.
 */
export type WecomCryptoReason = (typeof WECOM_CRYPTO_REASONS)[number];

/** The only error {@link wecomDecrypt} and {@link wecomEncrypt} throw; branch on `reason`. */
export class WecomCryptoError extends Error {
  override readonly name = 'WecomCryptoError';
  readonly reason: WecomCryptoReason;

  constructor(reason: WecomCryptoReason, message: string, options?: { cause?: unknown }) {
    super(`${reason}: ${message}`, options);
    this.reason = reason;
  }
}
