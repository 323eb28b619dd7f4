import { byteLength, cutBytes, cutChars } from '../text/index.ts';

/** The newest items (the end of the list) that `fits` accepts, dropping the oldest first. */
export function newestThatFit<T>(items: readonly T[], fits: (kept: T[]) => boolean): T[] {
  for (let k = items.length; k > 0; k -= 1) {
    const kept = items.slice(items.length - k);
    if (fits(kept)) return kept;
  }
  return [];
}

/** The first items that `fits` accepts, dropping from the end (digest lines are most urgent first). */
export function firstThatFit<T>(items: readonly T[], fits: (kept: T[]) => boolean): T[] {
  for (let k = items.length; k > 0; k -= 1) {
    const kept = items.slice(0, k);
    if (fits(kept)) return kept;
  }
  return [];
}

/** How a platform measures and cuts its text: characters or UTF-8 bytes. */
export type Measure = { size: (s: string) => number; cut: (s: string, max: number) => string };
/** Limits in characters (DingTalk, Slack), counted as UTF-16 code units: never under-counts. */
export const CHARS: Measure = { size: (s) => s.length, cut: (s, max) => cutChars(s, max) };
/** Limits in UTF-8 bytes (WeCom, Feishu's body size). */
export const BYTES: Measure = { size: byteLength, cut: (s, max) => cutBytes(s, max) };

/** A message body in three parts; quotes are dropped oldest first, under their heading. */
export type FitParts = { head: string; quoteHeading: string; quotes: string[]; quoteJoin: string; tail: string };

/**
 * `head`, then the newest quote lines that fit, then `tail`, joined by blank lines, within `max`.
 * The tail carries the @ mentions and links, so it is never cut; when even the head alone is too
 * long (many long signals), the head is cut. A last cut of the whole guards absurd tails.
 */
export function fitText(parts: FitParts, max: number, m: Measure): string {
  const quoted = (kept: string[]) => (kept.length === 0 ? '' : [parts.quoteHeading, ...kept].join(parts.quoteJoin));
  const build = (head: string, kept: string[]) => [head, quoted(kept), parts.tail].filter((p) => p !== '').join('\n\n');
  const kept = newestThatFit(parts.quotes, (k) => m.size(build(parts.head, k)) <= max);
  const text = build(parts.head, kept);
  if (m.size(text) <= max) return text;
  const room = max - m.size(build('', [])) - m.size('\n\n');
  return m.cut(build(room > 0 ? m.cut(parts.head, room) : '', []), max);
}
