import { josTimestamp, signJos } from '@kefu/wire';
import { SELF } from 'cloudflare:test';

/** The local bridge credentials (packages/sandbox/src/stand-ins/bridge.ts). */
export const BRIDGE = { appKey: 'jd-bridge-app', secret: 'jd-bridge-secret' } as const;
export const SHOP = 'jd-shop-1';

type Message = Record<string, unknown>;

/**
 * Post to /bridge/messages the way a bridge following docs/chat-bridge.md would: signed with plain
 * `signJos` (the body as `360buy_param_json`), not with the app's own signer, so a drift between
 * the two fails here.
 */
export function bridgePost(messages: Message[], options: { at?: number; secret?: string; appKey?: string; method?: string; raw?: string } = {}): Promise<Response> {
  const body = options.raw ?? JSON.stringify({ messages });
  const params = { method: options.method ?? 'kefu.bridge.messages', app_key: options.appKey ?? BRIDGE.appKey, timestamp: josTimestamp(options.at ?? Date.now()), v: '2.0' };
  const sign = signJos({ ...params, '360buy_param_json': body }, options.secret ?? BRIDGE.secret);
  return SELF.fetch(`https://kefu.test/bridge/messages?${new URLSearchParams({ ...params, sign })}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
}

let n = 0;
/** A unique id per test run, so conversations never collide. */
export const unique = (what: string) => `${what}-${Date.now().toString(36)}-${(n += 1)}`;

export const buyerText = (buyerId: string, text: string, extra: Message = {}): Message => ({ type: 'buyer_text', msg_id: unique('m'), shop_id: SHOP, buyer_id: buyerId, sent_at: Date.now(), text, ...extra });
export const agentText = (buyerId: string, text: string): Message => ({ type: 'agent_text', msg_id: unique('a'), shop_id: SHOP, buyer_id: buyerId, sent_at: Date.now(), text });
export const sessionClosed = (buyerId: string): Message => ({ type: 'session_closed', msg_id: unique('c'), shop_id: SHOP, buyer_id: buyerId, sent_at: Date.now() });
