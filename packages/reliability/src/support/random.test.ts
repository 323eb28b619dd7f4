import { describe, expect, it } from 'vitest';
import { seeded } from './random.ts';

describe('seeded', () => {
  it('should give the same sequence for the same seed and another for another seed', () => {
    const a = seeded(7);
    const b = seeded(7);
    const c = seeded(8);
    const seq = (r: ReturnType<typeof seeded>) => Array.from({ length: 20 }, () => r.int(1000));
    const first = seq(a);
    expect(seq(b)).toEqual(first);
    expect(seq(c)).not.toEqual(first);
  });

  it('should stay in range and shuffle without losing items', () => {
    const r = seeded(1);
    for (let i = 0; i < 1000; i++) {
      const x = r.next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
    const items = Array.from({ length: 50 }, (_, i) => i);
    expect(r.shuffle(items).sort((x, y) => x - y)).toEqual(items);
    expect(r.bytes(64)).toHaveLength(64);
  });
});
