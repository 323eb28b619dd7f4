/**
 * Times as a shop's engineer types and reads them: wall-clock in the shop's time zone
 * ("2026-11-11 23:30", "23:30"), ISO instants, and short durations ("5m", "1h30m").
 */

const WEEKDAY_ZH = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const WEEKDAY_INDEX: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

type Wall = { year: number; month: number; day: number; weekday: number; hour: number; minute: number; second: number };

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall clock in `timeZone` at `at` (epoch ms). */
export function wallClock(at: number, timeZone: string): Wall {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', weekday: 'short', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(timeZone, f);
  }
  const parts: Record<string, string> = {};
  for (const p of f.formatToParts(at)) parts[p.type] = p.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    weekday: WEEKDAY_INDEX[parts.weekday ?? ''] ?? 0,
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** The instant a wall-clock time happens in `timeZone` (same two-round offset settling as core's calendar). */
function instantOf(year: number, month: number, day: number, hour: number, minute: number, second: number, timeZone: string): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  let guess = wall;
  for (let i = 0; i < 2; i += 1) {
    const w = wallClock(guess, timeZone);
    guess += wall - Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  }
  return guess;
}

const LOCAL = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const CLOCK = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const ZONED = /(?:Z|[+-]\d{2}:?\d{2})$/i;

/**
 * A time the user typed, as an instant: `2026-11-11 23:30[:ss]` or `2026-11-11` in the shop's time
 * zone; `23:30` on the date `reference` has in that zone; an ISO instant with `Z` or an offset as
 * is. Undefined when it is none of these or not a real date.
 */
export function parseWhen(text: string, timeZone: string, reference: number): number | undefined {
  const input = text.trim();
  if (ZONED.test(input)) {
    const at = Date.parse(input);
    return Number.isNaN(at) ? undefined : at;
  }
  const local = LOCAL.exec(input);
  const clock = local ? undefined : CLOCK.exec(input);
  let fields: number[];
  if (local) {
    fields = local.slice(1).map((v) => Number(v ?? 0));
  } else if (clock) {
    const today = wallClock(reference, timeZone);
    fields = [today.year, today.month, today.day, ...clock.slice(1).map((v) => Number(v ?? 0))];
  } else {
    return undefined;
  }
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = fields;
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) return undefined;
  return instantOf(year, month, day, hour, minute, second, timeZone);
}

const UNIT_MS: Record<string, number> = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000 };

/** "5m", "90s", "1h30m", "2d"; a bare number is minutes. Undefined when unreadable or zero. */
export function parseDuration(text: string): number | undefined {
  const input = text.trim().toLowerCase();
  if (/^\d+(?:\.\d+)?$/.test(input)) return Number(input) * 60_000 || undefined;
  if (!/^(?:\d+(?:\.\d+)?[dhms])+$/.test(input)) return undefined;
  let ms = 0;
  for (const [, n = '0', unit = 's'] of input.matchAll(/(\d+(?:\.\d+)?)([dhms])/g)) ms += Number(n) * (UNIT_MS[unit] ?? 0);
  return Math.round(ms) || undefined;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** "2026-11-11 23:30:00 周三" in the shop's time zone. */
export function formatDateTime(at: number, timeZone: string): string {
  const w = wallClock(at, timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)} ${WEEKDAY_ZH[w.weekday]}`;
}

/** "23:30:00" on the same local date as `reference`, else (or without one) "11-12 09:00:00". */
export function formatTime(at: number, timeZone: string, reference?: number): string {
  const w = wallClock(at, timeZone);
  const time = `${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
  if (reference === undefined) return `${pad(w.month)}-${pad(w.day)} ${time}`;
  const r = wallClock(reference, timeZone);
  return w.year === r.year && w.month === r.month && w.day === r.day ? time : `${pad(w.month)}-${pad(w.day)} ${time}`;
}

/** "1m40s", "2h", "45s", "-30s"; whole seconds. */
export function formatDuration(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  let s = Math.round(Math.abs(ms) / 1000);
  const parts: string[] = [];
  for (const [unit, size] of [['d', 86_400], ['h', 3600], ['m', 60]] as const) {
    if (s >= size) {
      parts.push(`${Math.floor(s / size)}${unit}`);
      s %= size;
    }
  }
  if (s > 0 || parts.length === 0) parts.push(`${s}s`);
  return sign + parts.join('');
}
