import { z } from 'zod';

/** Knobs of the reply policies; every one has a sensible default. */
export const policiesSchema = z.strictObject({
  greeting: z
    .strictObject({
      enabled: z.boolean().default(true),
      /** At most one greeting per buyer per window. */
      windowHours: z.number().positive().default(12),
    })
    .default({ enabled: true, windowHours: 12 }),
  away: z.strictObject({ enabled: z.boolean().default(true) }).default({ enabled: true }),
  faq: z
    .strictObject({
      /** Confidence at or above which the bot answers by itself. */
      answerAt: z.number().min(0).max(1).default(0.35),
      /** Confidence at or above which the best rule is suggested to the human. */
      suggestAt: z.number().min(0).max(1).default(0.2),
      /** Don't send the same rule's answer twice in this window: the buyer needs a person. */
      repeatWindowMinutes: z.number().int().positive().default(30),
    })
    .refine((f) => f.suggestAt <= f.answerAt, { message: 'suggestAt must not exceed answerAt', path: ['suggestAt'] })
    .default({ answerAt: 0.35, suggestAt: 0.2, repeatWindowMinutes: 30 }),
  human: z
    .strictObject({
      /** After a human's message the bot stays silent this long (or until the conversation closes). */
      quietMinutes: z.number().int().positive().default(30),
    })
    .default({ quietMinutes: 30 }),
  orders: z
    .strictObject({
      /** 催付: remind an unpaid order this many minutes after it was created (0 = never). */
      unpaidReminderMinutes: z.number().int().min(0).default(30),
      shippedNotice: z.boolean().default(true),
    })
    .default({ unpaidReminderMinutes: 30, shippedNotice: true }),
});
export type Policies = z.infer<typeof policiesSchema>;
