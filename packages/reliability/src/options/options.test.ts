import { describe, expect, it } from 'vitest';
import { DEFAULTS, parseOptions } from './options.ts';

describe('parseOptions', () => {
  it('should give the defaults without flags, and ignore the -- pnpm passes through', () => {
    expect(parseOptions([])).toEqual({ kind: 'ok', options: DEFAULTS });
    expect(parseOptions(['--'])).toEqual({ kind: 'ok', options: DEFAULTS });
  });

  it('should read counts, rates and the checks to run', () => {
    const parsed = parseOptions(['--', '--messages', '500', '--duplicate-rate', '0.1', '--only', '3,1', '--out', '']);
    expect(parsed).toEqual({ kind: 'ok', options: { ...DEFAULTS, messages: 500, duplicateRate: 0.1, only: [1, 3], out: '' } });
  });

  it('should name the bad flag in a usage error', () => {
    expect(parseOptions(['--messages', 'lots'])).toEqual({ kind: 'usage', message: '--messages must be an integer ≥ 5, got "lots"' });
    expect(parseOptions(['--only', '7'])).toMatchObject({ kind: 'usage', message: expect.stringContaining('--only') });
    expect(parseOptions(['--duplicate-rate', '2'])).toMatchObject({ kind: 'usage' });
    expect(parseOptions(['--nope'])).toMatchObject({ kind: 'usage', message: expect.stringContaining('nope') });
  });
});
