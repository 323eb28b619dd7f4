import { describe, expect, it } from 'vitest';
import { WECOM_CRYPTO_REASONS, WecomCryptoError } from './wecom-crypto-error.ts';
import { wecomDecrypt, wecomEncrypt } from './wecom-crypto.ts';
import { AES_KEY, CORP_ID, expectReason, nodeEncryptRaw, nodeWecomEncrypt } from './wecom-test-support.ts';

const random16 = new Uint8Array(16).fill(9);
const good = nodeWecomEncrypt(AES_KEY, 'hello', CORP_ID, random16);

/** A 32-byte-aligned plaintext block list with a chosen tail, encrypted without any padding logic. */
function sealRaw(bytes: number[]): string {
  return nodeEncryptRaw(AES_KEY, Uint8Array.from(bytes));
}

/** A WeCom frame claiming `claimed` message bytes, followed by `body`, padded correctly to 32. */
function frameClaiming(claimed: number, body: number[]): number[] {
  const head = [...random16, (claimed >>> 24) & 255, (claimed >>> 16) & 255, (claimed >>> 8) & 255, claimed & 255];
  const frame = [...head, ...body];
  const pad = 32 - (frame.length % 32);
  return [...frame, ...new Array<number>(pad).fill(pad)];
}

describe('WecomCryptoError reasons', () => {
  it('should be bad_key for a key of the wrong length or alphabet', async () => {
    await expectReason(wecomDecrypt(AES_KEY.slice(1), good, CORP_ID), 'bad_key');
    await expectReason(wecomDecrypt(`${AES_KEY}=`, good, CORP_ID), 'bad_key');
    await expectReason(wecomDecrypt(`${AES_KEY.slice(1)}-`, good, CORP_ID), 'bad_key');
    await expectReason(wecomDecrypt(undefined as unknown as string, good, CORP_ID), 'bad_key');
    await expectReason(wecomEncrypt('short', 'hi', CORP_ID), 'bad_key');
  });

  it('should be bad_base64 for a ciphertext that is not base64', async () => {
    await expectReason(wecomDecrypt(AES_KEY, 'not base64!', CORP_ID), 'bad_base64');
    await expectReason(wecomDecrypt(AES_KEY, good.replace(/.$/, '*'), CORP_ID), 'bad_base64');
    await expectReason(wecomDecrypt(AES_KEY, ` ${good}`, CORP_ID), 'bad_base64');
    await expectReason(wecomDecrypt(AES_KEY, null as unknown as string, CORP_ID), 'bad_base64');
  });

  it('should be bad_length for ciphertexts that are not whole 32-byte blocks', async () => {
    await expectReason(wecomDecrypt(AES_KEY, '', CORP_ID), 'bad_length');
    await expectReason(wecomDecrypt(AES_KEY, Buffer.alloc(16).toString('base64'), CORP_ID), 'bad_length');
    await expectReason(wecomDecrypt(AES_KEY, Buffer.alloc(48).toString('base64'), CORP_ID), 'bad_length');
  });

  it('should be bad_length for a frame shorter than its head or a length past its end', async () => {
    await expectReason(wecomDecrypt(AES_KEY, sealRaw(new Array<number>(32).fill(16)), CORP_ID), 'bad_length');
    await expectReason(wecomDecrypt(AES_KEY, sealRaw(frameClaiming(1000, [104, 105])), CORP_ID), 'bad_length');
    await expectReason(wecomDecrypt(AES_KEY, sealRaw(frameClaiming(0xffffffff, [])), CORP_ID), 'bad_length');
  });

  it('should be bad_length for a random prefix that is not 16 bytes', async () => {
    await expectReason(wecomEncrypt(AES_KEY, 'hi', CORP_ID, new Uint8Array(15)), 'bad_length');
  });

  it('should be bad_padding for pad values outside 1..32 or unequal pad bytes', async () => {
    const frame = frameClaiming(2, [104, 105]); // 20 + 2 = 22 bytes, pad 10
    await expectReason(wecomDecrypt(AES_KEY, sealRaw([...frame.slice(0, -1), 0]), CORP_ID), 'bad_padding');
    await expectReason(wecomDecrypt(AES_KEY, sealRaw([...frame.slice(0, -1), 33]), CORP_ID), 'bad_padding');
    await expectReason(wecomDecrypt(AES_KEY, sealRaw([...frame.slice(0, -2), 9, 10]), CORP_ID), 'bad_padding');
  });

  it('should be receive_id_mismatch for another receive id', async () => {
    await expectReason(wecomDecrypt(AES_KEY, good, 'wwOTHERCORP'), 'receive_id_mismatch');
    await expectReason(wecomDecrypt(AES_KEY, good, ''), 'receive_id_mismatch');
    await expectReason(wecomDecrypt(AES_KEY, good, `${CORP_ID}x`), 'receive_id_mismatch');
  });

  it('should throw only WecomCryptoError for a wrong key or tampered ciphertext', async () => {
    const otherKey = 'ZYXWVUTSRQPONMLKJIHGFEDCBAzyxwvutsrqponmlkj';
    for (const [key, text] of [
      [otherKey, good],
      [AES_KEY, flipBit(good, 0)],
      [AES_KEY, flipBit(good, 40)],
    ] as const) {
      const error: unknown = await wecomDecrypt(key, text, CORP_ID).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(WecomCryptoError);
      expect(WECOM_CRYPTO_REASONS).toContain((error as WecomCryptoError).reason);
    }
  });
});

function flipBit(base64: string, byte: number): string {
  const bytes = Buffer.from(base64, 'base64');
  bytes[byte] = (bytes[byte] ?? 0) ^ 1;
  return bytes.toString('base64');
}
