import { classifyMessage, type Engine } from '@kefu/core';
import type { Labelled } from './devset.ts';
import { score, type Report, type Scored } from './metrics.ts';

/** Classify every labelled message with the engine and score the result. */
export function evaluate(engine: Engine, items: readonly Labelled[]): { report: Report; results: Scored[] } {
  const results = items.map((item) => ({ item, got: classifyMessage(engine, item.text) }));
  return { report: score(results), results };
}
