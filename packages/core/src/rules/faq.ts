import { z } from 'zod';
import { INTENTS, PLATFORMS } from '../types/platform.ts';
import { regexSource } from './regex.ts';

/** One FAQ auto-reply rule. */
export const faqRuleSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected kebab-case'),
  intent: z.enum(INTENTS),
  /** This rule answers only at or above this confidence (default: policies.faq.answerAt). */
  answerAt: z.number().min(0).max(1).optional(),
  /** Higher wins a near-tie between rules. */
  priority: z.number().int().default(0),
  keywords: z
    .strictObject({
      /** Gate: at least one must occur in the normalised text (empty = no gate). */
      any: z.array(z.string().min(1)).default([]),
      /** Gate: every one must occur. */
      all: z.array(z.string().min(1)).default([]),
      /** Gate: none may occur. */
      none: z.array(z.string().min(1)).default([]),
    })
    .default({ any: [], all: [], none: [] }),
  /** Optional extra gate, a JavaScript regular expression over the normalised text. */
  regex: regexSource.optional(),
  /** Buyer questions this rule answers; the matcher learns from them. */
  examples: z.array(z.string().min(1)).min(1),
  answers: z.array(z.string().min(1)).min(1),
  /**
   * What happens after the answer: `none`; `handoff` — a person must still look (this order's
   * status, a refund): the conversation goes to the queue and the SLA clock starts; `escalate` —
   * the team is alerted too (damaged or wrong goods). Complaint-intent rules always escalate.
   */
  followUp: z.enum(['none', 'handoff', 'escalate']).default('none'),
  /** Limit the rule to some platforms or shops (empty = everywhere). */
  scope: z
    .strictObject({
      platforms: z.array(z.enum(PLATFORMS)).default([]),
      shops: z.array(z.string().min(1)).default([]),
    })
    .default({ platforms: [], shops: [] }),
});
export type FaqRule = z.infer<typeof faqRuleSchema>;
