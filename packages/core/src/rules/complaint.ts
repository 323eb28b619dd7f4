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

export const complaintSignalSchema = lexiconSchema.extend({
  id: z.string().min(1),
  category: z.enum(COMPLAINT_CATEGORIES),
  /** Added once per message when the signal fires. */
  weight: z.number().positive(),
  /** The least severity an escalation gets when this signal fires (12315 → critical). */
  severity: z.enum(SEVERITIES).optional(),
});
export type ComplaintSignal = z.infer<typeof complaintSignalSchema>;

/** Complaint detection (投诉识别): weighted, explainable signals. */
export const complaintSchema = z.strictObject({
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
  signals: z.array(complaintSignalSchema).min(1),
  /**
   * Problem reports that, stated calmly (only these categories, no intensity, no repetition), get
   * the answer of an FAQ rule of the mapped intent that matches the message — "碎了一个" → please
   * send photos — instead of the soothing script. They escalate all the same. Anger, threats,
   * fraud claims and safety always get the soothing script first.
   */
  calmReports: z
    .partialRecord(z.enum(COMPLAINT_CATEGORIES), z.enum(INTENTS))
    .default({
      damaged: 'damaged_wrong',
      wrong_item: 'damaged_wrong',
      missing_item: 'damaged_wrong',
      quality: 'damaged_wrong',
      delivery_failure: 'order_status',
      refund_demand: 'return_refund',
    }),
});
export type ComplaintSettings = z.infer<typeof complaintSchema>;
