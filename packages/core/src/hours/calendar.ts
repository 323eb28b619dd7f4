import { WEEKDAYS, type BusinessHours, type Slot } from '../rules/hours.ts';
import { addDays, clockMinutes, fromLocal, isoDate, toLocal } from './zoned-time.ts';

/** An opening span as instants: [start, end). */
export type Span = { start: number; end: number };

/** How far ahead to look for the next opening (a long holiday closure included). */
const HORIZON_DAYS = 62;

/**
 * Business hours (营业时间) of one shop, answering "open now?" and "when do we reopen?" for any
 * instant. Slots belong to the day they start on; an end at or before the start runs past midnight.
 */
export class BusinessCalendar {
  readonly #hours: BusinessHours;
  readonly #overrides: Map<string, Slot[]>;
  readonly timeZone: string;

  constructor(hours: BusinessHours, timeZone: string) {
    this.#hours = hours;
    this.timeZone = timeZone;
    this.#overrides = new Map(hours.overrides.map((o) => [o.date, o.slots]));
  }

  /** The spans that start on the local calendar date `dayOffset` days from the one containing `at`. */
  spansOfDay(at: number, dayOffset: number): Span[] {
    const today = toLocal(at, this.timeZone);
    const { year, month, day } = addDays(today.year, today.month, today.day, dayOffset);
    const weekday = WEEKDAYS[(((today.weekday + dayOffset) % 7) + 7) % 7] ?? 'mon';
    const slots = this.#overrides.get(isoDate(year, month, day)) ?? this.#hours.weekly[weekday];
    return slots.map((slot) => {
      const startMin = clockMinutes(slot.start);
      let endMin = clockMinutes(slot.end);
      if (endMin <= startMin) endMin += 24 * 60;
      return {
        start: fromLocal(year, month, day, startMin, this.timeZone),
        end: fromLocal(year, month, day, endMin, this.timeZone),
      };
    });
  }

  /** The span open at `at`, if any (yesterday's overnight slot counts). */
  openSpan(at: number): Span | undefined {
    for (const offset of [-1, 0]) {
      const span = this.spansOfDay(at, offset).find((s) => s.start <= at && at < s.end);
      if (span) return span;
    }
    return undefined;
  }

  isOpen(at: number): boolean {
    return this.openSpan(at) !== undefined;
  }

  /** The next instant after `at` when the shop opens, or undefined when closed for the horizon. */
  nextOpening(at: number): number | undefined {
    for (let offset = 0; offset <= HORIZON_DAYS; offset += 1) {
      const starts = this.spansOfDay(at, offset)
        .map((s) => s.start)
        .filter((start) => start > at)
        .sort((a, b) => a - b);
      if (starts[0] !== undefined) return starts[0];
    }
    return undefined;
  }
}
