import type { InboundRoute } from '@kefu/runtime';
import { requiredSetting, type DouyinEnv } from '../env.ts';
import { parseDouyinWebhook } from './parse.ts';
import { verifyDouyinWebhook } from './verify.ts';

/**
 * 抖音开放平台 webhooks: private messages (私信) of an authorised 抖音号/企业号. This is the Douyin
 * account's inbox on open.douyin.com, NOT 抖店 飞鸽 shop chat (which has no public ISV API).
 */
export const douyinImRoute: InboundRoute<DouyinEnv> = {
  path: '/webhooks/douyin-im',
  maxBodyBytes: 256 * 1024,
  async verify(request, env) {
    return verifyDouyinWebhook(request, requiredSetting(env, 'DOUYIN_CLIENT_KEY'), requiredSetting(env, 'DOUYIN_CLIENT_SECRET'));
  },
  async parse(request, env) {
    return parseDouyinWebhook(request, requiredSetting(env, 'DOUYIN_CLIENT_KEY'), Date.now());
  },
};
