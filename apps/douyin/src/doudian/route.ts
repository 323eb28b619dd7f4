import type { InboundRoute } from '@kefu/runtime';
import { requiredSetting, type DouyinEnv } from '../env.ts';
import { parseDoudianPush } from './parse.ts';
import { verifyDoudianPush } from './verify.ts';

/** 抖店 message push (消息推送): order and after-sale events, no buyer chat. */
export const doudianPushRoute: InboundRoute<DouyinEnv> = {
  path: '/webhooks/doudian',
  maxBodyBytes: 512 * 1024,
  async verify(request, env) {
    return verifyDoudianPush(request, requiredSetting(env, 'DOUDIAN_APP_KEY'), requiredSetting(env, 'DOUDIAN_APP_SECRET'));
  },
  async parse(request) {
    return parseDoudianPush(request.body, Date.now());
  },
};
