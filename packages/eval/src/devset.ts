import { readFileSync } from 'node:fs';
import { INTENTS } from '@kefu/core';
import { z } from 'zod';

export const labelledSchema = z.strictObject({
  id: z.string(),
  text: z.string().min(1),
  /** The buyer's primary intent. */
  intent: z.enum(INTENTS),
  /** Whether a person should be alerted now. */
  escalate: z.boolean(),
  tags: z.array(z.string()).default([]),
});
/** One labelled buyer message. */
export type Labelled = z.infer<typeof labelledSchema>;

/** Written from the seeds' situations; the default FAQ examples were written with it in view. */
export const DEVSET_PATH = new URL('../data/devset.jsonl', import.meta.url);
/** Written blind to the rules and the dev set: the honest figure. Look at totals, not at its mistakes. */
export const HOLDOUT_PATH = new URL('../data/holdout.jsonl', import.meta.url);
/** Written blind to the rules, heavy on implicit complaints and alarming-but-innocent questions: tune on this one. */
export const TUNING_PATH = new URL('../data/tuning.jsonl', import.meta.url);

/** Read a labelled JSON-lines file; a bad line fails loudly with its line number. */
export function readLabelled(path: URL | string = DEVSET_PATH): Labelled[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .flatMap((line, i) => {
      if (line.trim() === '') return [];
      const parsed = labelledSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${String(path)}:${i + 1}: ${parsed.error.message}`);
      return [parsed.data];
    });
}
