import type { StandIn } from '../server/types.ts';
import { bridge } from './bridge.ts';
import { cloudflareKv } from './cloudflare-kv.ts';
import { dingtalk } from './dingtalk.ts';
import { feishu } from './feishu.ts';
import { slack } from './slack.ts';
import { wecomBot } from './wecom-bot.ts';
import { douyin } from './douyin.ts';
import { jd } from './jd.ts';
import { pinduoduo } from './pinduoduo.ts';
import { taobao } from './taobao.ts';
import { team } from './team.ts';
import { wecom } from './wecom.ts';

/** Every stand-in: the sandbox plays all platforms, the chat bridge and every team channel at once. */
export const standIns: StandIn[] = [team, bridge, dingtalk, feishu, wecomBot, slack, wecom, douyin, taobao, pinduoduo, jd, cloudflareKv];
