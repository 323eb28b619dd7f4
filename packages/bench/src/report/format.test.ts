import { describe, expect, it } from 'vitest';
import { fixed, kib, pct, ratio, whole } from './format.ts';

describe('format', () => {
  it('should write figures briefly and an unmeasured one as a dash', () => {
    expect(fixed(1.234)).toBe('1.2');
    expect(fixed(Number.NaN)).toBe('—');
    expect(whole(12345.6)).toBe('12,346');
    expect(pct(0.9712)).toBe('97.1%');
    expect(ratio(0.4567)).toBe('0.46×');
    expect(kib(2048)).toBe('2.0 KiB');
  });
});
