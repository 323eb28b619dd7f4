import { describe, expect, it } from 'vitest';
import { parseChildren, parseProcStat, parseVmRss } from './proc-stat.ts';

describe('parseProcStat', () => {
  it('should read ppid, utime and stime counted from the last parenthesis', () => {
    const line = '4242 (work (er) d) S 4200 4242 4200 0 -1 4194560 1000 0 0 0 731 269 0 0 20 0 12 0 5000 26400000000 22000 18446744073709551615';
    expect(parseProcStat(line)).toEqual({ pid: 4242, comm: 'work (er) d', ppid: 4200, utimeTicks: 731, stimeTicks: 269 });
  });

  it('should refuse text that is not a stat line', () => {
    expect(() => parseProcStat('nonsense')).toThrow(/not a \/proc/);
  });
});

describe('parseVmRss', () => {
  it('should read the resident set in bytes', () => {
    expect(parseVmRss('Name:\tworkerd\nVmPeak:\t  999 kB\nVmRSS:\t   88512 kB\n')).toBe(88512 * 1024);
    expect(parseVmRss('Name:\tworkerd\nState:\tZ (zombie)\n')).toBeNaN();
  });
});

describe('parseChildren', () => {
  it('should gather the pids of every thread', () => {
    expect(parseChildren(['23989 23994 23997 ', '', '24001'])).toEqual([23989, 23994, 23997, 24001]);
  });
});
