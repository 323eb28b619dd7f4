import type { Platform } from '@kefu/core';
import { jdBridge, pinduoduoBridge, taobaoBridge } from './bridge.ts';
import { douyinIm } from './douyin.ts';
import { wecomCallback } from './wecom.ts';
import type { Simulator } from './simulated.ts';

/** How `cs simulate` reaches each platform's worker: its real webhook where one exists, else the chat bridge. */
export const SIMULATORS: Record<Platform, Simulator> = {
  wecom: wecomCallback,
  douyin: douyinIm,
  taobao: taobaoBridge,
  pinduoduo: pinduoduoBridge,
  jd: jdBridge,
};
