import type { StandIn } from '../server/types.ts';

/** The pinduoduo platform API stand-in. */
export const pinduoduo: StandIn = { name: 'pinduoduo', routes: [] };
