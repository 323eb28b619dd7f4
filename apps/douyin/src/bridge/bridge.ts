import { bridgeRoute, bridgeSend, type InboundRoute, type OutboundReply, type SendResult } from '@kefu/runtime';
import { doudianBridgeSigner } from '@kefu/wire';
import { requiredSetting, setting, type DouyinEnv } from '../env.ts';

/**
 * The 飞鸽 chat bridge. 抖店's 飞鸽 customer-service chat has no public ISV API (protocols §1.3:
 * no push tag and no send API in the official-SDK-derived Go SDK, fudiwei's DouyinShop SDK or the
 * tag list), so buyer chat reaches us through a bridge the shop runs, speaking the shared bridge
 * envelope signed the 抖店 API way (`doudianBridgeSigner`: app_key/method/timestamp/v/sign_method
 * in the query, the body signed as `param_json`, HMAC-SHA256).
 */
export const feigeBridgeRoute: InboundRoute<DouyinEnv> = bridgeRoute<DouyinEnv>({
  platform: 'douyin',
  signer: doudianBridgeSigner,
  // Required: with no key and secret set, an empty-secret signature must not pass.
  credentials: (env) => ({ appKey: requiredSetting(env, 'DOUYIN_BRIDGE_APP_KEY'), secret: requiredSetting(env, 'DOUYIN_BRIDGE_SECRET') }),
});

const send = bridgeSend<DouyinEnv>({
  signer: doudianBridgeSigner,
  credentials: (env) => ({ appKey: setting(env, 'DOUYIN_BRIDGE_APP_KEY'), secret: setting(env, 'DOUYIN_BRIDGE_SECRET') }),
  url: (env) => setting(env, 'BRIDGE_SEND_URL') || undefined,
  method: (env) => setting(env, 'BRIDGE_SEND_METHOD') || 'kefu.bridge.send',
});

/** Is a bridge set up to send through (URL and credentials)? */
export function bridgeConfigured(env: DouyinEnv): boolean {
  return Boolean(setting(env, 'BRIDGE_SEND_URL') && setting(env, 'DOUYIN_BRIDGE_APP_KEY') && setting(env, 'DOUYIN_BRIDGE_SECRET'));
}

/** Send a reply through the bridge; a network failure is a retry, never a throw. */
export async function sendViaBridge(reply: OutboundReply, env: DouyinEnv): Promise<SendResult> {
  if (setting(env, 'BRIDGE_SEND_URL') && !bridgeConfigured(env)) return { kind: 'refused', reason: 'BRIDGE_SEND_URL is set but DOUYIN_BRIDGE_APP_KEY / DOUYIN_BRIDGE_SECRET are not' };
  try {
    return await send(reply, env);
  } catch (error) {
    return { kind: 'retry', reason: `bridge unreachable: ${error instanceof Error ? error.message : String(error)}` };
  }
}
