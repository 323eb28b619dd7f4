import type { PlatformAdapter } from '@kefu/runtime';
import { feigeBridgeRoute } from './bridge/index.ts';
import { doudianPushRoute } from './doudian/index.ts';
import { douyinImRoute } from './douyin-im/index.ts';
import type { DouyinEnv } from './env.ts';
import { sendReply } from './send/index.ts';

/**
 * Douyin's wire formats: 抖店 order/after-sale pushes, 抖音开放平台 private messages, and 飞鸽
 * shop chat through the bridge.
 */
export const douyinAdapter: PlatformAdapter<DouyinEnv> = {
  platform: 'douyin',
  inbound: [doudianPushRoute, douyinImRoute, feigeBridgeRoute],
  send: sendReply,
};
