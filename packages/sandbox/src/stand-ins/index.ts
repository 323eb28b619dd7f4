import type { StandIn } from '../server/types.ts';
import { bridge } from './bridge.ts';
import { douyin } from './douyin.ts';
import { jd } from './jd.ts';
import { pinduoduo } from './pinduoduo.ts';
import { taobao } from './taobao.ts';
import { team } from './team.ts';
import { wecom } from './wecom.ts';

/** Every stand-in: the sandbox plays all platforms, the chat bridge and team channels at once. */
export const standIns: StandIn[] = [team, bridge, wecom, douyin, taobao, pinduoduo, jd];
