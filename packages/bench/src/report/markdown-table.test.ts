import { describe, expect, it } from 'vitest';
import { markdownTable } from './markdown-table.ts';

describe('markdownTable', () => {
  it('should right-align numeric columns and escape pipes in cells', () => {
    const table = markdownTable([{ heading: 'worker' }, { heading: 'req/s', numeric: true }], [['a|b', '12'], ['c']]);
    expect(table).toBe(['| worker | req/s |', '|---|---:|', '| a\\|b | 12 |', '| c |  |'].join('\n'));
  });
});
