import { z } from 'zod';

/** Several wordings of one script; the engine rotates them so buyers don't see a canned loop. */
const variants = z.array(z.string().min(1)).min(1);

/** The shop's scripts (话术), all as data. */
export const scriptsSchema = z.strictObject({
  greeting: z.strictObject({ firstTime: variants, returning: variants }),
  /** Outside business hours (离线自动回复); may say when the shop reopens with {{nextOpen}}. */
  away: variants,
  closing: variants,
  /** The bot is unsure and a person will answer: "需要核实一下… 会在 X 内回复". */
  holding: variants,
  complaintSoothe: variants,
  /** The buyer asked for a person (转人工). */
  handoff: variants,
  /** 催付: an order was created and not paid. */
  orderUnpaid: variants,
  orderShipped: variants,
});
export type Scripts = z.infer<typeof scriptsSchema>;
export type ScriptKind = keyof Scripts;
