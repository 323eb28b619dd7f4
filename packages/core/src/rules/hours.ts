import { z } from 'zod';

const clock = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'expected HH:MM (00:00–24:00)');

/** One opening slot. An end at or before the start runs past midnight (22:00–02:00). */
export const slotSchema = z.strictObject({ start: clock, end: clock });
export type Slot = z.infer<typeof slotSchema>;

const day = z.array(slotSchema).default([]);

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Business hours (营业时间 / 客服在线时间) in the shop's time zone. */
export const hoursSchema = z.strictObject({
  weekly: z.strictObject({ mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day }),
  /** Dated exceptions: holidays (closed: `slots: []`) or 大促 extended hours. They replace the day. */
  overrides: z
    .array(
      z.strictObject({
        date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD'),
        slots: z.array(slotSchema),
        note: z.string().optional(),
      }),
    )
    .default([]),
});
export type BusinessHours = z.infer<typeof hoursSchema>;
