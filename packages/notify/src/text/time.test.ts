import { describe, expect, it } from 'vitest';
import { clock, formatDeadline, span } from './time.ts';

const NOW = Date.UTC(2024, 10, 23, 6, 4, 10);

describe('formatDeadline', () => {
  it('should show the deadline in the shop time zone with the time left', () => {
    expect(formatDeadline(NOW + 80_000, NOW, 'Asia/Shanghai')).toBe('11-23 14:05:30（还剩 80 秒）');
  });

  it('should say how long ago a passed deadline was', () => {
    expect(formatDeadline(NOW - 12_500, NOW, 'Asia/Shanghai')).toBe('11-23 14:03:57（已超时 12 秒）');
    expect(formatDeadline(NOW, NOW, 'Asia/Shanghai')).toBe('11-23 14:04:10（已到期）');
  });

  it('should use the time zone it is given', () => {
    expect(clock(NOW, 'UTC')).toBe('06:04:10');
    expect(clock(Date.UTC(2024, 10, 23, 16, 0, 0), 'Asia/Shanghai')).toBe('00:00:00');
  });

  it('should throw on an unknown time zone rather than guess', () => {
    expect(() => clock(NOW, 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('span', () => {
  it('should pick a readable unit', () => {
    expect(span(119_999)).toBe('119 秒');
    expect(span(12 * 60_000 + 5_000)).toBe('12 分钟');
    expect(span(3 * 3_600_000 + 5 * 60_000)).toBe('3 小时 5 分');
    expect(span(2 * 86_400_000 + 4 * 3_600_000)).toBe('2 天 4 小时');
  });
});
