import type { OutboundReply, SendResult } from '@kefu/runtime';
import { bridgeConfigured, sendViaBridge } from '../bridge/index.ts';
import { sendDouyinIm } from '../douyin-im/index.ts';
import type { DouyinEnv } from '../env.ts';

/**
 * Send one reply the way its conversation came in: a 抖音 private message (`douyin_im`), or the
 * 飞鸽 bridge (`bridge`). Order conversations from the 抖店 push (`doudian_push`) have no chat
 * address; their messages (催付, shipped notices) go through the bridge when one is configured,
 * with the order id in the channel for the bridge to find the buyer, and are refused otherwise.
 */
export async function sendReply(reply: OutboundReply, env: DouyinEnv): Promise<SendResult> {
  switch (reply.channel.via) {
    case 'douyin_im':
      return sendDouyinIm(reply, env);
    case 'bridge':
      return sendViaBridge(reply, env);
    default:
      if (bridgeConfigured(env)) return sendViaBridge(reply, env);
      return {
        kind: 'refused',
        reason: '抖店 order pushes carry no chat address for the buyer; configure the 飞鸽 bridge (BRIDGE_SEND_URL, DOUYIN_BRIDGE_APP_KEY, DOUYIN_BRIDGE_SECRET) to send order messages',
      };
  }
}
