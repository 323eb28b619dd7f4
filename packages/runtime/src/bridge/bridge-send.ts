import type { OutboundReply, SendResult } from '../adapter/adapter.ts';
import type { BridgeCredentials, BridgeSigner } from './signer.ts';

type Options<E> = {
  signer: BridgeSigner;
  credentials: (env: E) => BridgeCredentials;
  /** The bridge's send URL (a var; no default: there is no official endpoint to default to). */
  url: (env: E) => string | undefined;
  /** The method/type name the bridge expects (a var with a `kefu.bridge.*` default). */
  method: (env: E) => string;
};

/**
 * Send a reply through the chat bridge: the platform's system parameters and signature in the
 * query, `{msg_id, shop_id, buyer_id, text, channel}` as the JSON body. `msg_id` is our action id:
 * the bridge dedupes on it, so a retried send is not doubled.
 */
export function bridgeSend<E>(options: Options<E>): (reply: OutboundReply, env: E) => Promise<SendResult> {
  return async (reply, env) => {
    const url = options.url(env);
    if (!url) return { kind: 'refused', reason: 'no chat bridge configured (BRIDGE_SEND_URL)' };
    const { appKey, secret } = options.credentials(env);
    const { via: _via, ...channel } = reply.channel;
    const body = JSON.stringify({ msg_id: reply.actionId, shop_id: reply.shopId, buyer_id: reply.buyerId, text: reply.text, channel });
    const params = options.signer.systemParams(appKey, options.method(env), Date.now());
    const query = new URLSearchParams({ ...params, sign: options.signer.sign(params, body, secret) });
    const response = await fetch(`${url}?${query}`, { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body });
    if (response.ok) return { kind: 'sent' };
    const reason = `bridge answered ${response.status}`;
    return response.status === 429 || response.status >= 500 ? { kind: 'retry', reason } : { kind: 'refused', reason };
  };
}
