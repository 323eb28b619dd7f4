import type { StandIn } from '../server/types.ts';

/** The wecom platform API stand-in. */
export const wecom: StandIn = { name: 'wecom', routes: [] };
