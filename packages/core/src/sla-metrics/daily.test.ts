import { describe, expect, it } from 'vitest';
import { scoreRound, slaDailyMetrics } from './daily.ts';
import { cst, shippedSla, TZ } from './rules.fixture.ts';
import type { MetricsRound } from './round.ts';
import type { Platform } from '../types/platform.ts';

const sla = shippedSla();

type Row = [id: string, start: string, bot?: string, human?: string, closed?: string];

/** Rounds of one shop on 2026-11-18 (Asia/Shanghai) from a table of local clock times. */
function rounds(platform: Platform, rows: Row[], date = '2026-11-18'): MetricsRound[] {
  const t = (clock?: string) => (clock === undefined ? undefined : cst(clock, date));
  return rows.map(([id, start, bot, human, closed]) => ({
    id,
    platform,
    shopId: 'shop',
    buyerId: `buyer-${id}`,
    startedAt: cst(start, date),
    ...(bot && { botRepliedAt: t(bot) }),
    ...(human && { humanRepliedAt: t(human) }),
    ...(closed && { closedAt: t(closed) }),
  }));
}

describe('slaDailyMetrics: Taobao (3 min, cap 10 min, 08:00–23:00, robot rounds excluded)', () => {
  // id    start      bot       human      closed   → how it counts (response s)
  const table: Row[] = [
    ['r1', '07:59:59', undefined, '08:01'], //         → outside hours (starts 07:59)
    ['r2', '08:00:00', undefined, '08:02'], //         → 120, within
    ['r3', '10:00:00', undefined, '10:03'], //         → 180, within (≤ 3 min counts)
    ['r4', '11:00:00', undefined, '11:03:01'], //      → 181, miss
    ['r5', '12:00:00', '12:00', '12:15'], //           → 900 capped to 600, miss (a person did answer)
    ['r6', '13:00:00', '13:00'], //                    → bot only, past the cap: automatic, excluded
    ['r7', '14:00:00'], //                             → nobody, past the cap: unanswered, 600, miss
    ['r8', '15:00:00', '15:00', undefined, '15:02'], // → bot only, closed: automatic, excluded
    ['r9', '16:00:00', undefined, '16:00:45'], //      → 45, within
    ['r10', '10:30:00', undefined, undefined, '10:31'], // → nobody, closed: unanswered, 600, miss
    ['r11', '22:55:00'], //                            → 4 min old at 22:59: open
    ['r12', '23:00:00', undefined, '23:01'], //        → outside hours (end is exclusive)
  ];

  it('should score the day as the platform would at 22:59', () => {
    // Scored: r2 120, r3 180, r4 181, r5 600, r7 600, r9 45, r10 600 → 7 rounds, 3 within.
    // Rate 3/7; average (120+180+181+600+600+45+600)/7 = 2326/7 = 332.2857… s.
    const [day, ...rest] = slaDailyMetrics(rounds('taobao', table), sla, TZ, cst('22:59'));
    expect(rest).toEqual([]);
    expect(day).toMatchObject({ platform: 'taobao', shopId: 'shop', day: '2026-11-18', rounds: 7, withinSla: 3, unanswered: 2, excludedAutomatic: 2, excludedOutsideHours: 2, open: 1 });
    expect(day?.withinSlaRate).toBeCloseTo(3 / 7, 12);
    expect(day?.avgFirstResponseSeconds).toBeCloseTo(2326 / 7, 9);
  });

  it('should count the open round as unanswered once its 10 minutes have passed', () => {
    // r11 joins as a 600 s miss: 8 rounds, 3 within; average (2326+600)/8 = 365.75 s.
    const [day] = slaDailyMetrics(rounds('taobao', table), sla, TZ, cst('23:05'));
    expect(day).toMatchObject({ rounds: 8, withinSla: 3, withinSlaRate: 3 / 8, avgFirstResponseSeconds: 365.75, unanswered: 3, open: 0 });
  });

  it('should put a round in the day it started in the shop’s time zone', () => {
    // 07:59:59 +08:00 is still 2026-11-17 in UTC; 00:30 +08:00 on the 19th is the 19th.
    const days = slaDailyMetrics(rounds('taobao', [['a', '07:59:59'], ['b', '08:00', undefined, '08:01']]).concat(rounds('taobao', [['c', '00:30']], '2026-11-19')), sla, TZ, cst('12:00', '2026-11-19'));
    expect(days.map((d) => [d.day, d.rounds, d.excludedOutsideHours])).toEqual([
      ['2026-11-18', 1, 1],
      ['2026-11-19', 0, 1],
    ]);
    expect(days[1]?.withinSlaRate).toBeNull();
    expect(days[1]?.avgFirstResponseSeconds).toBeNull();
  });
});

describe('slaDailyMetrics: Douyin (3 min from 转人工)', () => {
  it('should score the rounds trackRound opened at 转人工', () => {
    // Start = the 转人工 message. d1 150 s within, d2 240 s miss, d3 bot only and closed: excluded.
    // Rate 1/2; average (150+240)/2 = 195 s. Douyin has no cap in the rules: d4 (3 h, nobody) is
    // still open — it settles after a day.
    const table: Row[] = [
      ['d1', '10:01:00', '10:01', '10:03:30'],
      ['d2', '11:00:00', '11:00', '11:04'],
      ['d3', '12:00:00', '12:00', undefined, '12:30'],
      ['d4', '13:00:00'],
    ];
    const [day] = slaDailyMetrics(rounds('douyin', table), sla, TZ, cst('16:00'));
    expect(day).toMatchObject({ platform: 'douyin', rounds: 2, withinSla: 1, withinSlaRate: 0.5, avgFirstResponseSeconds: 195, excludedAutomatic: 1, open: 1, unanswered: 0 });
  });
});

describe('slaDailyMetrics: JD (30 s, every round counts, no cap, all day)', () => {
  // j1 20 s within; j2 30 s within; j3 31 s miss; j4 bot only, a day later: unanswered (JD keeps
  // robot rounds), no response time; j5 03:00 is measured (no service hours), 10 s within;
  // j6 23:50 is 10 h old at 10:00 next day: open.
  const table: Row[] = [
    ['j1', '09:00:00', undefined, '09:00:20'],
    ['j2', '09:10:00', undefined, '09:10:30'],
    ['j3', '09:20:00', undefined, '09:20:31'],
    ['j4', '09:30:00', '09:30'],
    ['j5', '03:00:00', undefined, '03:00:10'],
    ['j6', '23:50:00'],
  ];

  it('should score every round from the first message against 30 s', () => {
    // 5 rounds, 3 within → 0.6 (below JD's 80 %); average over the 4 with a response time:
    // (20+30+31+10)/4 = 22.75 s.
    const [day] = slaDailyMetrics(rounds('jd', table), sla, TZ, cst('10:00', '2026-11-19'));
    expect(day).toMatchObject({ platform: 'jd', rounds: 5, withinSla: 3, withinSlaRate: 0.6, avgFirstResponseSeconds: 22.75, unanswered: 1, excludedAutomatic: 0, excludedOutsideHours: 0, open: 1 });
  });

  it('should keep platforms and shops apart', () => {
    const mixed = [...rounds('jd', table.slice(0, 1)), ...rounds('taobao', [['t', '09:00', undefined, '09:01']]), { ...rounds('jd', table.slice(2, 3))[0]!, shopId: 'other' }];
    const days = slaDailyMetrics(mixed, sla, TZ, cst('10:00', '2026-11-19'));
    expect(days.map((d) => [d.platform, d.shopId, d.rounds, d.withinSla])).toEqual([
      ['jd', 'other', 1, 0],
      ['jd', 'shop', 1, 1],
      ['taobao', 'shop', 1, 1],
    ]);
  });
});

describe('scoreRound', () => {
  it('should score a reply after the cap as the cap', () => {
    const [r] = rounds('taobao', [['x', '10:00', undefined, '11:00']]);
    expect(scoreRound(r!, sla.taobao, TZ, cst('12:00'))).toEqual({ kind: 'scored', withinSla: false, responseSeconds: 600, unanswered: false });
  });

  it('should count a bot-only round as a miss when the policy keeps automatic rounds', () => {
    const [r] = rounds('taobao', [['x', '10:00', '10:00']]);
    expect(scoreRound(r!, { ...sla.taobao, excludeAutomaticRounds: false }, TZ, cst('12:00'))).toEqual({ kind: 'scored', withinSla: false, responseSeconds: 600, unanswered: true });
  });
});
