import { createDecipheriv } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { wecomDecrypt, wecomEncrypt } from './wecom-crypto.ts';
import { AES_KEY, CORP_ID, nodeWecomEncrypt } from './wecom-test-support.ts';

const random16 = Uint8Array.from({ length: 16 }, (_, i) => i * 7 + 1);

// Message of n ASCII bytes: frame = 16 + 4 + n + 12, so n = 0..31 gives pad 32, 31, …, 1.
function messageOf(n: number): string {
  return 'x'.repeat(n);
}

describe('wecomEncrypt / wecomDecrypt', () => {
  it('should round-trip messages covering every pad value 1..32', async () => {
    const pads = new Set<number>();
    for (let n = 0; n < 64; n++) {
      const sealed = await wecomEncrypt(AES_KEY, messageOf(n), CORP_ID);
      pads.add(32 - ((20 + n + CORP_ID.length) % 32));
      expect(Buffer.from(sealed, 'base64').length % 32).toBe(0);
      expect(await wecomDecrypt(AES_KEY, sealed, CORP_ID)).toBe(messageOf(n));
    }
    expect([...pads].sort((a, b) => a - b)).toEqual(Array.from({ length: 32 }, (_, i) => i + 1));
  });

  it('should decrypt ciphertexts made independently with node:crypto, for every pad value', async () => {
    for (let n = 0; n < 64; n++) {
      const xml = `<xml><ToUserName><![CDATA[${CORP_ID}]]></ToUserName><Token><![CDATA[ENC${'y'.repeat(n)}]]></Token></xml>`;
      const sealed = nodeWecomEncrypt(AES_KEY, xml, CORP_ID, random16);
      expect(await wecomDecrypt(AES_KEY, sealed, CORP_ID)).toBe(xml);
    }
  });

  it('should produce exactly the bytes node:crypto produces for the same random prefix', async () => {
    for (const n of [0, 11, 12, 13, 31, 32, 100]) {
      const message = `客服${messageOf(n)}`;
      expect(await wecomEncrypt(AES_KEY, message, CORP_ID, random16)).toBe(nodeWecomEncrypt(AES_KEY, message, CORP_ID, random16));
    }
  });

  it('should produce ciphertext node:crypto can open with manual 32-byte unpadding', async () => {
    const sealed = await wecomEncrypt(AES_KEY, '你好, WeCom', CORP_ID);
    const key = Buffer.from(`${AES_KEY}=`, 'base64');
    const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
    decipher.setAutoPadding(false);
    const plain = Buffer.concat([decipher.update(Buffer.from(sealed, 'base64')), decipher.final()]);
    const frame = plain.subarray(0, plain.length - (plain.at(-1) ?? 0));
    const size = frame.readUInt32BE(16);
    expect(frame.subarray(20, 20 + size).toString('utf8')).toBe('你好, WeCom');
    expect(frame.subarray(20 + size).toString('utf8')).toBe(CORP_ID);
  });

  it('should use fresh randomness by default, so equal messages seal differently', async () => {
    const a = await wecomEncrypt(AES_KEY, 'same', CORP_ID);
    const b = await wecomEncrypt(AES_KEY, 'same', CORP_ID);
    expect(a).not.toBe(b);
  });
});
