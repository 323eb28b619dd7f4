import type { Platform } from '@kefu/core';
import type { BridgeSigner } from '@kefu/wire';
import type { ContractFixture } from './adapter-contract.ts';
import { expect } from 'vitest';

type Options = { platform: Platform; signer: BridgeSigner; appKey: string; secret: string; method?: string; path?: string; shopId?: string };

/** The contract fixture for a platform's chat-bridge route: the same envelope, that platform's signing. */
export function bridgeFixture(o: Options): ContractFixture {
  const shopId = o.shopId ?? 'bridge-shop';
  const path = o.path ?? '/bridge/messages';
  const request = (body: string, { secret = o.secret, appKey = o.appKey, at = Date.now() } = {}) => {
    const params = o.signer.systemParams(appKey, o.method ?? 'kefu.bridge.messages', at);
    const query = new URLSearchParams({ ...params, sign: o.signer.sign(params, body, secret) });
    return new Request(`https://kefu.test${path}?${query}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  };
  const body = (m: { buyerId: string; messageId: string; text: string }) =>
    JSON.stringify({ messages: [{ type: 'buyer_text', msg_id: m.messageId, shop_id: shopId, buyer_id: m.buyerId, sent_at: Date.now(), text: m.text }] });
  return {
    platform: o.platform,
    shopId,
    buyerMessage: async (m) => request(body(m)),
    forged: async (m) => request(body(m), { secret: `${o.secret}-guess` }),
    wrongApp: async (m) => request(body(m), { appKey: `${o.appKey}-other` }),
    replayed: async (m) => request(body(m), { at: Date.now() - 11 * 60_000 }),
    malformed: async () => request('{"messages":[{"type":"buyer_text"}]}'),
    oversized: async () => request(JSON.stringify({ messages: [], pad: 'x'.repeat(300 * 1024) })),
    expectAck: async (response) => {
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ code: 0, msg: 'success' });
    },
    sendChannel: `bridge:${o.platform}`,
    recipientOf: (record) => (record.parsed as { buyer_id?: string } | undefined)?.buyer_id,
  };
}
