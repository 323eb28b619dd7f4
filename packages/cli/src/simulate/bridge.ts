import { josBridgeSigner, pddBridgeSigner, topBridgeSigner, type BridgeSigner } from '@kefu/wire';
import type { Simulator } from './simulated.ts';

/** A chat-bridge delivery signed the platform's way (docs/chat-bridge.md). */
function bridgeSimulator(signer: BridgeSigner, appKeyVar: string, secretVar: string): Simulator {
  return (s, credentials, now) => {
    const body = JSON.stringify({
      messages: [{ type: s.from === 'buyer' ? 'buyer_text' : 'agent_text', msg_id: s.messageId, shop_id: s.shop, buyer_id: s.buyer, sent_at: now, text: s.text }],
    });
    const params = signer.systemParams(credentials[appKeyVar] ?? '', 'kefu.bridge.messages', now);
    return { path: '/bridge/messages', query: { ...params, sign: signer.sign(params, body, credentials[secretVar] ?? '') }, headers: { 'content-type': 'application/json' }, body };
  };
}

export const taobaoBridge = bridgeSimulator(topBridgeSigner, 'TAOBAO_BRIDGE_APP_KEY', 'TAOBAO_BRIDGE_SECRET');
export const pinduoduoBridge = bridgeSimulator(pddBridgeSigner, 'PDD_BRIDGE_CLIENT_ID', 'PDD_BRIDGE_SECRET');
export const jdBridge = bridgeSimulator(josBridgeSigner, 'JD_BRIDGE_APP_KEY', 'JD_BRIDGE_SECRET');
