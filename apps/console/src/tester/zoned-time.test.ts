import { describe, expect, it } from 'vitest';
import { formatZoned, fromZonedLocal, lastDays, toZonedLocal, zonedDay } from './zoned-time.ts';

describe('zoned time', () => {
  it('should read a datetime-local value in the shop time zone', () => {
    expect(fromZonedLocal('2026-11-11T10:00', 'Asia/Shanghai')).toBe(Date.parse('2026-11-11T10:00:00+08:00'));
    expect(fromZonedLocal('2026-07-01T09:30', 'Europe/Berlin')).toBe(Date.parse('2026-07-01T09:30:00+02:00'));
    expect(fromZonedLocal('2026-11-11 10:00', 'Asia/Shanghai')).toBeNull();
    expect(fromZonedLocal('2026-13-01T10:00', 'Asia/Shanghai')).toBeNull();
  });

  it('should write instants back as wall clock and days', () => {
    const at = Date.parse('2026-11-11T23:30:05+08:00');
    expect(toZonedLocal(at, 'Asia/Shanghai')).toBe('2026-11-11T23:30');
    expect(formatZoned(at, 'Asia/Shanghai')).toBe('2026-11-11 23:30:05');
    expect(zonedDay(at, 'UTC')).toBe('2026-11-11');
    expect(zonedDay(at + 3_600_000, 'Asia/Shanghai')).toBe('2026-11-12');
  });

  it('should list the last days ending today, across a month end', () => {
    expect(lastDays(Date.parse('2026-12-02T01:00:00+08:00'), 3, 'Asia/Shanghai')).toEqual(['2026-11-30', '2026-12-01', '2026-12-02']);
  });
});
