import { describeAdapterContract, type BuyerText } from '@kefu/runtime/contract';
import { env } from 'cloudflare:test';
import { expect } from 'vitest';
import { callbackRequest, customerText, queueSync, type WecomTestEnv } from './wecom-callback.ts';

const testEnv = env as unknown as WecomTestEnv;
/** The contract's own 客服账号, so its sync_msg cursor is not shared with other test files. */
const OPEN_KFID = 'wkContractKf01';

/** The message lives at WeCom (queued for sync_msg); the callback only says "come and pull". */
const queued = async (m: BuyerText) => queueSync(testEnv, OPEN_KFID, [customerText(OPEN_KFID, m.buyerId, m.messageId, m.text)]);

// A plain message carries no welcome_code, so every reply goes through send_msg.
describeAdapterContract({
  platform: 'wecom',
  shopId: OPEN_KFID,
  buyerMessage: async (m) => {
    await queued(m);
    return callbackRequest(testEnv, { openKfId: OPEN_KFID });
  },
  forged: async (m) => {
    await queued(m);
    return callbackRequest(testEnv, { openKfId: OPEN_KFID, signingToken: 'guessedToken' });
  },
  wrongApp: async (m) => {
    await queued(m);
    return callbackRequest(testEnv, { openKfId: OPEN_KFID, corpId: 'wwAnotherCorp00' });
  },
  replayed: async (m) => {
    await queued(m);
    return callbackRequest(testEnv, { openKfId: OPEN_KFID, timestamp: Math.floor(Date.now() / 1000) - 11 * 60 });
  },
  malformed: async () => callbackRequest(testEnv, { openKfId: OPEN_KFID, encrypt: 'bm90IGNpcGhlcnRleHQ=' }),
  oversized: async () => callbackRequest(testEnv, { openKfId: OPEN_KFID, encrypt: 'A'.repeat(80 * 1024) }),
  expectAck: async (response) => {
    expect(response.status).toBe(200);
    expect(['', 'success']).toContain(await response.text());
  },
  sendChannel: 'wecom:send_msg',
  recipientOf: (record) => (record.parsed as { touser?: string } | undefined)?.touser,
});
