import { bridgeRoute, bridgeSend, HttpError, type BridgeCredentials } from '@kefu/runtime';
import { josBridgeSigner } from '@kefu/wire';

/** The `method` a send carries when BRIDGE_SEND_METHOD is unset (a `kefu.bridge.*` name: ours, not JD's). */
export const DEFAULT_BRIDGE_SEND_METHOD = 'kefu.bridge.send';

/**
 * The chat bridge's credentials (wrangler secrets). Missing ones are a deploy mistake: inbound gets a
 * 503 naming them (the bridge retries, nothing is lost) and a send fails as a retry with the same
 * message, rather than signing with `undefined`.
 */
export function bridgeCredentials(env: Env): BridgeCredentials {
  const missing = (['JD_BRIDGE_APP_KEY', 'JD_BRIDGE_SECRET'] as const).filter((name) => !env[name]);
  if (missing.length > 0) throw new HttpError(503, 'not_configured', `${missing.join(' and ')} not set: wrangler secret put ${missing[0]}`);
  return { appKey: env.JD_BRIDGE_APP_KEY, secret: env.JD_BRIDGE_SECRET };
}

/**
 * 咚咚 buyer chat through the shop's chat bridge (docs/chat-bridge.md): JOS-style system parameters
 * and `sign` in the query, the bridge envelope as the body, signed as `360buy_param_json`.
 */
export const jdBridgeRoute = bridgeRoute<Env>({ platform: 'jd', signer: josBridgeSigner, credentials: bridgeCredentials });

/** Replies go back through the same bridge, signed the same way; `msg_id` is our action id. */
export const jdBridgeSend = bridgeSend<Env>({
  signer: josBridgeSigner,
  credentials: bridgeCredentials,
  url: (env) => env.BRIDGE_SEND_URL,
  method: (env) => env.BRIDGE_SEND_METHOD || DEFAULT_BRIDGE_SEND_METHOD,
});
