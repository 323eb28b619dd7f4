import { describe, expect, it } from 'vitest';
import { verdict } from './check-result.ts';
import { exitCode, renderTable } from './table.ts';

describe('renderTable', () => {
  it('should put every check on one row with its figures and verdict', () => {
    const ok = verdict('1', 'inbound load', { count: 10_000, lost: 0, duplicates: 0, serverErrors: 0 }, [{ what: '0 lost', met: true }], '10,000 acked', []);
    const bad = verdict('2', 'signatures', { count: 40, lost: null, duplicates: null, serverErrors: 1 }, [{ what: 'every forgery rejected', met: false }], '39 of 40 rejected', []);
    const table = renderTable([ok, bad, { kind: 'crashed', id: '3', name: 'fuzz', error: 'jd stopped answering\nstack', lines: [] }]);
    const lines = table.split('\n');
    expect(lines[0]).toBe('| check | count | lost | duplicates | 5xx | result |');
    expect(lines[2]).toBe('| 1. inbound load | 10,000 | 0 | 0 | 0 | PASS — 10,000 acked |');
    expect(lines[3]).toBe('| 2. signatures | 40 | — | — | 1 | FAIL — every forgery rejected (39 of 40 rejected) |');
    expect(lines[4]).toBe('| 3. fuzz | — | — | — | — | CRASHED — jd stopped answering |');
  });

  it('should exit 1 unless every check passed', () => {
    const ok = verdict('1', 'x', { count: 1, lost: 0, duplicates: 0, serverErrors: 0 }, [{ what: 'a', met: true }], '', []);
    const bad = verdict('1', 'x', { count: 1, lost: 1, duplicates: 0, serverErrors: 0 }, [{ what: '0 lost', met: false }], '', []);
    expect(exitCode([ok])).toBe(0);
    expect(exitCode([ok, bad])).toBe(1);
    expect(exitCode([])).toBe(0);
  });
});
