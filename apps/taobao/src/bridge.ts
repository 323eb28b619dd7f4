import { bridgeRoute, bridgeSend, type OutboundReply, type SendResult } from '@kefu/runtime';
import { topBridgeSigner } from '@kefu/wire';

type BridgeEnv = Pick<Env, 'TAOBAO_BRIDGE_APP_KEY' | 'TAOBAO_BRIDGE_SECRET' | 'BRIDGE_SEND_URL' | 'BRIDGE_SEND_METHOD'>;

/** The bridge signs the TOP way (sorted params + body, hmac-sha256) with its own app key and secret. */
const bridge = {
  signer: topBridgeSigner,
  credentials: (env: BridgeEnv) => ({ appKey: env.TAOBAO_BRIDGE_APP_KEY, secret: env.TAOBAO_BRIDGE_SECRET }),
};

/**
 * Buyer chat in: 旺旺/千牛 has no public API for an ISV to receive buyer messages (protocols §2.3),
 * so a chat bridge posts them to `/bridge/messages` (docs/chat-bridge.md).
 */
export const chatBridgeRoute = bridgeRoute<BridgeEnv>({ platform: 'taobao', ...bridge });

const viaBridge = bridgeSend<BridgeEnv>({
  ...bridge,
  url: (env) => env.BRIDGE_SEND_URL || undefined,
  method: (env) => env.BRIDGE_SEND_METHOD || 'kefu.bridge.send',
});

/**
 * Every reply (FAQ answers, greetings, and 催付 for TMC order events alike) goes out through the
 * chat bridge: there is no public TOP method that sends a 旺旺 chat message. Without a bridge the
 * reply is refused, and lands in the dead letters with this reason for the console to show.
 */
export async function sendReply(reply: OutboundReply, env: BridgeEnv): Promise<SendResult> {
  if (!env.BRIDGE_SEND_URL) {
    const why = `taobao has no public API to send 旺旺/千牛 chat, so this ${reply.script} reply can only go through a bridge (docs/chat-bridge.md)`;
    return { kind: 'refused', reason: `no chat bridge configured (BRIDGE_SEND_URL): ${why}` };
  }
  try {
    return await viaBridge(reply, env);
  } catch (error) {
    return { kind: 'retry', reason: `chat bridge unreachable: ${error instanceof Error ? error.message : String(error)}` };
  }
}
