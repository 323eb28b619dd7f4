import { describe, expect, it } from 'vitest';
import { DEVSET_PATH, HOLDOUT_PATH, readLabelled, TUNING_PATH } from './devset.ts';

describe.each([
  ['dev set', DEVSET_PATH, 300],
  ['held-out set', HOLDOUT_PATH, 200],
  ['tuning set', TUNING_PATH, 300],
])('%s', (_, path, minimum) => {
  const items = readLabelled(path);

  it('should be large enough, with unique ids and texts', () => {
    expect(items.length).toBeGreaterThanOrEqual(minimum);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    expect(new Set(items.map((i) => i.text)).size).toBe(items.length);
  });

  it('should label every complaint and damaged item for escalation', () => {
    expect(items.filter((i) => (i.intent === 'complaint' || i.intent === 'damaged_wrong') && !i.escalate)).toEqual([]);
  });
});
