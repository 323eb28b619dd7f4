import { z } from 'zod';
import { regexSource } from './regex.ts';

/** Words (substrings of normalised text) and regular expressions that make one signal fire. */
export const lexiconSchema = z.strictObject({
  terms: z.array(z.string().min(1)).default([]),
  patterns: z.array(regexSource).default([]),
});

/** Negation (否定): "不是要投诉", "没坏" — a cue, optionally one bridge word, then the term. */
export const negationSchema = z.strictObject({
  cues: z.array(z.string().min(1)),
  bridges: z.array(z.string().min(1)).default([]),
  /**
   * Cues that negate the rest of their clause, a few words on: "不是说你们卖假的", "不是来投诉的".
   * A clause break, "就是" (不是…就是… = either…or) or "一般" (不是一般的差 = very bad) ends them.
   */
  scoped: z.array(z.string().min(1)).default([]),
});
