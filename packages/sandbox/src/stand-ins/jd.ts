import type { StandIn } from '../server/types.ts';

/** The jd platform API stand-in. */
export const jd: StandIn = { name: 'jd', routes: [] };
