import { z } from 'zod';

const clock = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'expected HH:MM');

/**
 * A platform's human-response clock (人工响应时效): Taobao's 3-minute reply rate, JD's 30-second
 * first reply. When a message needs a person, the engine schedules an alert before the deadline.
 */
export const slaPolicySchema = z
  .strictObject({
    /** The platform's target for a human reply, from the buyer's message. */
    replyWithinSeconds: z.number().int().positive(),
    /** Alert the team this long after the buyer's message (before the deadline). */
    alertAfterSeconds: z.number().int().positive(),
    /** Rounds longer than this count as this (Taobao caps a round at 10 minutes). */
    capSeconds: z.number().int().positive().optional(),
    /** The hours the platform measures (Taobao/Douyin 08:00–23:00); outside them no clock runs. */
    serviceHours: z.strictObject({ start: clock, end: clock }).optional(),
    /** At breach, send the buyer the holding script (where the platform allows bot messages). */
    holdingOnBreach: z.boolean().default(true),
  })
  .refine((p) => p.alertAfterSeconds < p.replyWithinSeconds, {
    message: 'alertAfterSeconds must be less than replyWithinSeconds',
    path: ['alertAfterSeconds'],
  });
export type SlaPolicy = z.infer<typeof slaPolicySchema>;

export const slaSchema = z.strictObject({
  taobao: slaPolicySchema,
  douyin: slaPolicySchema,
  pinduoduo: slaPolicySchema,
  jd: slaPolicySchema,
  wecom: slaPolicySchema,
});
