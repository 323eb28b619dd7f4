import type { Platform } from '@kefu/core';
import { douyinBridge, jdBridge, pinduoduoBridge, taobaoBridge } from './bridge.ts';
import type { Simulator } from './simulated.ts';

/** How `cs simulate` reaches each platform's worker: its real webhook where one exists, else the chat bridge. */
export const SIMULATORS: Record<Platform, Simulator> = {
  wecom: douyinBridge, // replaced below once the WeCom callback simulator exists
  douyin: douyinBridge,
  taobao: taobaoBridge,
  pinduoduo: pinduoduoBridge,
  jd: jdBridge,
};
