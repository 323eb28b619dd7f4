import { z } from 'zod';

/** When a round starts: the buyer's first message, or the buyer asking for a person (转人工). */
export const ROUND_STARTS = ['first_message', 'handoff_request'] as const;

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
    /**
     * When a measured round (对话轮次) begins: at the buyer's first unanswered message (Taobao, JD,
     * Pinduoduo, WeCom), or when the buyer asks for a person (转人工, Douyin). Used by the metrics.
     */
    roundStartsAt: z.enum(ROUND_STARTS).default('first_message'),
    /**
     * Leave fully automatic rounds (only the bot answered, no person ever did) out of the metrics,
     * as Taobao does. Off for JD: its 30-second rule, as we have it, counts every round; whether
     * 咚咚 also drops robot-only rounds is not published, so we keep the stricter reading.
     */
    excludeAutomaticRounds: z.boolean().default(true),
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
/** `rules.sla`: one policy per platform. */
export type SlaRules = z.infer<typeof slaSchema>;
