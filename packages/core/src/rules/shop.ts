import { z } from 'zod';

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The shop profile: facts the scripts may quote through `{{shop.*}}`. */
export const shopSchema = z.strictObject({
  name: z.string().min(1),
  /** IANA time zone for business hours and rendered times. */
  timezone: z.string().refine(isTimeZone, 'not an IANA time zone').default('Asia/Shanghai'),
  /** Orders ship within this many hours of payment (发货时效). */
  shipWithinHours: z.number().int().positive(),
  couriers: z.array(z.string().min(1)).min(1),
  defaultCourier: z.string().min(1),
  /** Days for no-reason returns (七天无理由 → 7). */
  returnDays: z.number().int().min(0),
  /** What the holding script promises: a person replies within this many minutes. */
  replyWithinMinutes: z.number().int().positive(),
});
export type ShopProfile = z.infer<typeof shopSchema>;
