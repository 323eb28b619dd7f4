import { describe, expect, it } from 'vitest';
import { parseCommand } from './commands.ts';
import { formatDuration, parseDuration, parseWhen } from './time.ts';

describe('parseCommand', () => {
  it('should read buyer text, slash commands and mistakes', () => {
    expect(parseCommand('  亲 在吗 ')).toEqual({ kind: 'say', text: '亲 在吗' });
    expect(parseCommand('//斜杠开头')).toEqual({ kind: 'say', text: '/斜杠开头' });
    expect(parseCommand('')).toEqual({ kind: 'blank' });
    expect(parseCommand('/wait 5m')).toEqual({ kind: 'wait', ms: 300_000 });
    expect(parseCommand('/wait')).toEqual({ kind: 'wait' });
    expect(parseCommand('/agent 亲 马上处理')).toEqual({ kind: 'agent', text: '亲 马上处理' });
    expect(parseCommand('/at 2026-11-11 23:30')).toEqual({ kind: 'at', when: '2026-11-11 23:30' });
    expect(parseCommand('/new')).toEqual({ kind: 'new' });
    expect(parseCommand('/new returning')).toEqual({ kind: 'new', returning: true });
    expect(parseCommand('/returning')).toEqual({ kind: 'returning' });
    expect(parseCommand('/STATE')).toEqual({ kind: 'state' });
    expect(parseCommand('/quit')).toEqual({ kind: 'quit' });
    expect(parseCommand('/wait soon').kind).toBe('error');
    expect(parseCommand('/agent').kind).toBe('error');
    expect(parseCommand('/dance').kind).toBe('error');
  });
});

describe('times', () => {
  it('should read durations and say them back', () => {
    expect([parseDuration('90s'), parseDuration('1h30m'), parseDuration('2'), parseDuration('0'), parseDuration('5x')]).toEqual([90_000, 5_400_000, 120_000, undefined, undefined]);
    expect([formatDuration(100_000), formatDuration(3_600_000), formatDuration(0), formatDuration(-30_000)]).toEqual(['1m40s', '1h', '0s', '-30s']);
  });

  it('should read shop-local times, bare clock times on the reference date, and ISO instants', () => {
    const reference = Date.parse('2026-11-18T10:00:00+08:00');
    expect(parseWhen('2026-11-11 23:30', 'Asia/Shanghai', reference)).toBe(Date.parse('2026-11-11T23:30:00+08:00'));
    expect(parseWhen('2026-11-11T23:30:15', 'Asia/Shanghai', reference)).toBe(Date.parse('2026-11-11T23:30:15+08:00'));
    expect(parseWhen('23:30', 'Asia/Shanghai', reference)).toBe(Date.parse('2026-11-18T23:30:00+08:00'));
    expect(parseWhen('2026-11-11T15:30:00Z', 'Asia/Shanghai', reference)).toBe(Date.parse('2026-11-11T15:30:00Z'));
    expect(parseWhen('2026-07-01 09:00', 'America/New_York', reference)).toBe(Date.parse('2026-07-01T09:00:00-04:00'));
    expect([parseWhen('2026-02-30 10:00', 'Asia/Shanghai', reference), parseWhen('tomorrow', 'Asia/Shanghai', reference), parseWhen('25:00', 'Asia/Shanghai', reference)]).toEqual([undefined, undefined, undefined]);
  });
});
