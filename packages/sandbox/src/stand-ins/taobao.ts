import type { StandIn } from '../server/types.ts';

/** The taobao platform API stand-in. */
export const taobao: StandIn = { name: 'taobao', routes: [] };
