import { z } from 'zod';
import { lexiconSchema } from './lexicon.ts';

/** How a buyer asks for a person (转人工, 人工客服, 找你们老板…). Uses the complaint negation cues. */
export const handoffSchema = lexiconSchema;
export type HandoffSettings = z.infer<typeof handoffSchema>;
