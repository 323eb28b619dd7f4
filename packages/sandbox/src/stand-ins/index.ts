import type { StandIn } from '../server/types.ts';
import { team } from './team.ts';

/** Every stand-in: the sandbox plays all platforms and team channels at once. */
export const standIns: StandIn[] = [team];
