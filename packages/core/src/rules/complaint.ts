import { z } from 'zod';
import { INTENTS } from '../types/platform.ts';
import { lexiconSchema, negationSchema } from './lexicon.ts';
import { regexSource } from './regex.ts';

export const COMPLAINT_CATEGORIES = [
  'threat',
  'fraud',
  'anger',
  'insult',
  'quality',
  'damaged',
  'wrong_item',
  'missing_item',
  'safety',
  'delivery_failure',
  'refund_demand',
  'ignored',
] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];

export const SEVERITIES = ['normal', 'high', 'critical'] as const;
/** How urgently a person is needed. */
export type Severity = (typeof SEVERITIES)[number];

/** `{{name}}` in a pattern stands for the guard of that name. */
const GUARD_REFERENCE = /\{\{([A-Za-z][\w-]*)\}\}/g;

/** A pattern with its `{{guard}}` references replaced by the guards' regular expressions. */
export function expandGuards(pattern: string, guards: Readonly<Record<string, string>>): string {
  return pattern.replace(GUARD_REFERENCE, (whole, name: string) => guards[name] ?? whole);
}

export const complaintSignalSchema = lexiconSchema.extend({
  /** Regular expressions; they may use `{{guard}}` references, checked once expanded. */
  patterns: z.array(z.string().min(1)).default([]),
  id: z.string().min(1),
  category: z.enum(COMPLAINT_CATEGORIES),
  /** Added once per message when the signal fires. */
  weight: z.number().positive(),
  /** The least severity an escalation gets when this signal fires (12315 → critical). */
  severity: z.enum(SEVERITIES).optional(),
});
export type ComplaintSignal = z.infer<typeof complaintSignalSchema>;

/** Complaint detection (投诉识别): weighted, explainable signals. */
export const complaintSchema = z
  .strictObject({
  /** Escalate when the message's score reaches this. */
  threshold: z.number().positive(),
  /** Score at which the escalation is high / critical. */
  severity: z.strictObject({ high: z.number().positive(), critical: z.number().positive() }),
  negation: negationSchema,
  intensifiers: z.strictObject({
    terms: z.array(z.string().min(1)).default([]),
    patterns: z.array(regexSource).default([]),
    /** Each intensifier found (and a run of !! or ??) adds this to a factor starting at 1. */
    multiplier: z.number().min(0),
    /** Cap of that factor. */
    max: z.number().min(1),
  }),
  /** Added when earlier buyer messages in the conversation already carried complaint signals. */
  repetition: z.strictObject({
    bonus: z.number().min(0),
    windowMinutes: z.number().int().positive().default(120),
  }),
  /**
   * Named pieces of regular expression that many patterns share — typically negative lookbehinds
   * ruling out negation, hypotheticals or hearsay ("怕碎了", "听说有假货") — used as `{{name}}`.
   */
  guards: z.record(z.string().regex(/^[A-Za-z][\w-]*$/, 'guard names are letters, digits, _ and -'), z.string().min(1)).default({}),
  signals: z.array(complaintSignalSchema).min(1),
  /**
   * Problem reports that, stated calmly (only these categories, no intensity, no repetition), get
   * the answer of an FAQ rule of the mapped intent that matches the message — "碎了一个" → please
   * send photos — instead of the soothing script. They escalate all the same. Anger, threats,
   * fraud claims, safety and refund or compensation demands always get the soothing script first.
   */
  calmReports: z
    .partialRecord(z.enum(COMPLAINT_CATEGORIES), z.enum(INTENTS))
    .default({
      damaged: 'damaged_wrong',
      wrong_item: 'damaged_wrong',
      missing_item: 'damaged_wrong',
      quality: 'damaged_wrong',
      delivery_failure: 'order_status',
    }),
  })
  .superRefine((settings, ctx) => {
    for (const [i, signal] of settings.signals.entries()) {
      for (const [j, pattern] of signal.patterns.entries()) {
        const path = ['signals', i, 'patterns', j];
        const unknown = [...pattern.matchAll(GUARD_REFERENCE)].map((m) => m[1] ?? '').filter((name) => !(name in settings.guards));
        for (const name of unknown) ctx.addIssue({ code: 'custom', path, message: `unknown guard {{${name}}}` });
        if (unknown.length > 0) continue;
        try {
          new RegExp(expandGuards(pattern, settings.guards), 'u');
        } catch (error) {
          ctx.addIssue({ code: 'custom', path, message: `invalid regular expression: ${(error as Error).message}` });
        }
      }
    }
  });
export type ComplaintSettings = z.infer<typeof complaintSchema>;
