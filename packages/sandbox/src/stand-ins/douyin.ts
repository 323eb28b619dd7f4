import type { StandIn } from '../server/types.ts';

/** The douyin platform API stand-in. */
export const douyin: StandIn = { name: 'douyin', routes: [] };
