import type { ChannelType } from '../channels/index.ts';
import { classifyDingtalk } from '../dingtalk/index.ts';
import { classifyFeishu } from '../feishu/index.ts';
import { classifySlack } from '../slack/index.ts';
import { classifyWebhook } from '../webhook/index.ts';
import { classifyWecom } from '../wecom/index.ts';
import type { ChannelOutcome } from './outcome.ts';

/**
 * What a platform's answer means for this send. DingTalk, Feishu and WeCom answer HTTP 200 with an
 * error code in the body, so the body decides first; the status decides when the body is not theirs.
 *
 * @example classifyResponse('dingtalk', 200, '{"errcode":130101,"errmsg":"send too fast"}') // { kind: 'throttled', retryAfterMs: 600000, … }
 */
export function classifyResponse(type: ChannelType, status: number, body: string): ChannelOutcome {
  switch (type) {
    case 'dingtalk':
      return classifyDingtalk(status, body);
    case 'feishu':
      return classifyFeishu(status, body);
    case 'wecom':
      return classifyWecom(status, body);
    case 'slack':
      return classifySlack(status, body);
    case 'webhook':
      return classifyWebhook(status, body);
  }
}
