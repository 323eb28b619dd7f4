import { describe, expect, it } from 'vitest';
import { shanghai } from '../test-support/rules.fixture.ts';
import { BusinessCalendar } from './calendar.ts';
import { renderDuration, renderOpening } from './render.ts';

const day = [{ start: '09:00', end: '18:00' }];
const calendar = new BusinessCalendar(
  {
    weekly: { mon: day, tue: day, wed: [{ start: '09:00', end: '12:00' }, { start: '22:00', end: '02:00' }], thu: day, fri: day, sat: [], sun: [] },
    overrides: [{ date: '2026-11-20', slots: [] }],
  },
  'Asia/Shanghai',
);

describe('BusinessCalendar', () => {
  it('should know the shop is open inside a slot and closed between slots', () => {
    expect(calendar.isOpen(shanghai('10:00'))).toBe(true);
    expect(calendar.isOpen(shanghai('13:00'))).toBe(false);
  });

  it('should keep an overnight slot open past midnight', () => {
    expect(calendar.isOpen(shanghai('23:30'))).toBe(true);
    expect(calendar.isOpen(shanghai('01:30', '2026-11-19'))).toBe(true);
    expect(calendar.isOpen(shanghai('02:00', '2026-11-19'))).toBe(false);
  });

  it('should find the next opening later the same day, the next day, and past a dated closure', () => {
    expect(calendar.nextOpening(shanghai('13:00'))).toBe(shanghai('22:00'));
    expect(calendar.nextOpening(shanghai('03:00', '2026-11-19'))).toBe(shanghai('09:00', '2026-11-19'));
    // Friday 2026-11-20 is closed by override, the weekend has no slots: Monday 09:00.
    expect(calendar.nextOpening(shanghai('19:00', '2026-11-19'))).toBe(shanghai('09:00', '2026-11-23'));
  });

  it('should work in a time zone with daylight saving', () => {
    const ny = new BusinessCalendar({ weekly: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day }, overrides: [] }, 'America/New_York');
    // 2026-03-08 is the spring-forward day; 09:00 local is 13:00 UTC.
    expect(ny.nextOpening(Date.parse('2026-03-08T05:00:00Z'))).toBe(Date.parse('2026-03-08T13:00:00Z'));
  });
});

describe('renderOpening', () => {
  it('should say today, tomorrow, or the date with its weekday', () => {
    expect(renderOpening(shanghai('22:00'), shanghai('13:00'), 'Asia/Shanghai')).toBe('今天 22:00');
    expect(renderOpening(shanghai('09:00', '2026-11-19'), shanghai('23:59'), 'Asia/Shanghai')).toBe('明天 09:00');
    expect(renderOpening(shanghai('09:00', '2026-11-23'), shanghai('19:00', '2026-11-19'), 'Asia/Shanghai')).toBe('11月23日(周一) 09:00');
  });

  it('should render durations in Chinese', () => {
    expect([renderDuration(30), renderDuration(120), renderDuration(90)]).toEqual(['30分钟', '2小时', '1小时30分钟']);
  });
});
