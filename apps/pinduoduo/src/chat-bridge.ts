import { bridgeRoute, bridgeSend } from '@kefu/runtime';
import { pddBridgeSigner } from '@kefu/wire';

// PDD publishes no merchant↔buyer chat API (protocols §3.3): buyer chat comes and goes through the
// chat bridge, signed the PDD way (client_id, unix-second timestamp, MD5 sign over the body as `data`).
const credentials = (env: Env) => ({ appKey: env.PDD_BRIDGE_CLIENT_ID, secret: env.PDD_BRIDGE_SECRET });

/** `POST /bridge/messages`: the bridge's buyer and agent messages. */
export const chatBridgeRoute = bridgeRoute<Env>({ platform: 'pinduoduo', signer: pddBridgeSigner, credentials });

/** Replies go back through the bridge's send URL (`BRIDGE_SEND_URL`; empty = refused, dead-lettered). */
export const chatBridgeSend = bridgeSend<Env>({
  signer: pddBridgeSigner,
  credentials,
  url: (env) => env.BRIDGE_SEND_URL || undefined,
  method: (env) => env.BRIDGE_SEND_METHOD || 'kefu.bridge.send',
});
