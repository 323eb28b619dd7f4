import slaJson from '../../../../rules/sla.json' with { type: 'json' };
import { slaSchema, type SlaRules } from '../rules/sla.ts';

/** The shipped rules/sla.json, validated: the metrics tests score with the real policies. */
export function shippedSla(): SlaRules {
  return slaSchema.parse(slaJson);
}

export const TZ = 'Asia/Shanghai';

/** Epoch ms at `HH:MM[:SS]` on `date` in Asia/Shanghai (default 2026-11-18, a Wednesday). */
export function cst(clock: string, date = '2026-11-18'): number {
  return Date.parse(`${date}T${clock.length === 5 ? `${clock}:00` : clock}+08:00`);
}
