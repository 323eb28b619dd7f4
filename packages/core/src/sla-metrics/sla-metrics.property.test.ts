import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SlaRules } from '../rules/sla.ts';
import type { Action } from '../types/action.ts';
import type { InboundEvent } from '../types/event.ts';
import { PLATFORMS } from '../types/platform.ts';
import { scoreRound, slaDailyMetrics } from './daily.ts';
import { cst, shippedSla, TZ } from './rules.fixture.ts';
import { trackRound, type MetricsRound, type RoundsState } from './round.ts';

const shipped = shippedSla();
/** The shipped rules, and the same with every knob turned the other way. */
const variants: SlaRules[] = [
  shipped,
  Object.fromEntries(
    PLATFORMS.map((p) => {
      const { capSeconds: _cap, serviceHours: _hours, ...rest } = shipped[p];
      const flipped = { ...rest, excludeAutomaticRounds: !rest.excludeAutomaticRounds, roundStartsAt: rest.roundStartsAt === 'first_message' ? ('handoff_request' as const) : ('first_message' as const) };
      return [p, shipped[p].capSeconds ? flipped : { ...flipped, capSeconds: 300, serviceHours: { start: '22:00', end: '02:00' } }];
    }),
  ) as SlaRules,
];

const T0 = cst('00:00', '2026-11-17');
const DAY = 86_400_000;
const offset = fc.option(fc.integer({ min: 0, max: 2 * 3_600_000 }), { nil: undefined });

const round = fc
  .record({ platform: fc.constantFrom(...PLATFORMS), shopId: fc.constantFrom('a', 'b'), start: fc.integer({ min: 0, max: 3 * DAY }), bot: offset, human: offset, closed: offset })
  .map(({ platform, shopId, start, bot, human, closed }): MetricsRound => ({
    id: `${platform}-${start}`,
    platform,
    shopId,
    buyerId: 'buyer',
    startedAt: T0 + start,
    ...(bot !== undefined && { botRepliedAt: T0 + start + bot }),
    ...(human !== undefined ? { humanRepliedAt: T0 + start + human } : closed !== undefined ? { closedAt: T0 + start + closed } : {}),
  }));

const input = fc.record({ rounds: fc.array(round, { maxLength: 60 }), now: fc.integer({ min: 0, max: 5 * DAY }), later: fc.integer({ min: 0, max: 2 * DAY }), policies: fc.constantFrom(...variants) });

describe('slaDailyMetrics (properties)', () => {
  it('should put every round in exactly one bucket and keep rates and averages in range', () => {
    fc.assert(
      fc.property(input, ({ rounds, now, policies }) => {
        const days = slaDailyMetrics(rounds, policies, TZ, T0 + now);
        let total = 0;
        for (const d of days) {
          total += d.rounds + d.excludedAutomatic + d.excludedOutsideHours + d.open;
          expect(d.withinSla).toBeLessThanOrEqual(d.rounds);
          expect(d.unanswered).toBeLessThanOrEqual(d.rounds - d.withinSla);
          if (d.rounds === 0) expect(d.withinSlaRate).toBeNull();
          else {
            expect(d.withinSlaRate).toBe(d.withinSla / d.rounds);
            expect(d.withinSlaRate).toBeGreaterThanOrEqual(0);
            expect(d.withinSlaRate).toBeLessThanOrEqual(1);
          }
          const cap = policies[d.platform].capSeconds;
          if (d.avgFirstResponseSeconds !== null) {
            expect(d.avgFirstResponseSeconds).toBeGreaterThanOrEqual(0);
            if (cap !== undefined) expect(d.avgFirstResponseSeconds).toBeLessThanOrEqual(cap + 1e-9);
          }
          // With a cap every scored round has a response time, so the average exists with the rate.
          if (cap !== undefined) expect(d.avgFirstResponseSeconds === null).toBe(d.rounds === 0);
        }
        expect(total).toBe(rounds.length);
      }),
    );
  });

  it('should not depend on the order of the rounds', () => {
    fc.assert(
      fc.property(input, fc.nat(), ({ rounds, now, policies }, seed) => {
        const shuffled = [...rounds].sort((a, b) => ((a.startedAt * 31 + seed) % 97) - ((b.startedAt * 31 + seed) % 97));
        expect(slaDailyMetrics(shuffled, policies, TZ, T0 + now)).toEqual(slaDailyMetrics(rounds, policies, TZ, T0 + now));
      }),
    );
  });

  it('should never change a round’s score once it is scored or excluded, as time goes on', () => {
    fc.assert(
      fc.property(input, ({ rounds, now, later, policies }) => {
        for (const r of rounds) {
          const before = scoreRound(r, policies[r.platform], TZ, T0 + now);
          if (before.kind !== 'open') expect(scoreRound(r, policies[r.platform], TZ, T0 + now + later)).toEqual(before);
        }
      }),
    );
  });
});

const reply: Action = { kind: 'reply', id: 'r', script: 'faq', text: '亲~', intent: 'other', ruleId: 'faq', reason: { code: 'faq.answer', detail: '' } };
const asked: Action = { kind: 'handoff', id: 'h', reason: { code: 'handoff.requested', detail: '' } };

const step = fc.record({
  gapMs: fc.oneof({ arbitrary: fc.integer({ min: 0, max: 15 * 60_000 }), weight: 4 }, { arbitrary: fc.integer({ min: 0, max: 30 * 3_600_000 }), weight: 1 }),
  kind: fc.constantFrom('buyer_message' as const, 'buyer_message' as const, 'agent_message' as const, 'conversation_closed' as const, 'timer' as const),
  actions: fc.subarray([reply, asked]),
});

describe('trackRound (properties)', () => {
  it('should keep at most one open round and rows that read in time order', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), fc.constantFrom(...PLATFORMS), fc.constantFrom(...variants), (steps, platform, policies) => {
        let state: RoundsState = {};
        let at = cst('06:00');
        const rows = new Map<string, MetricsRound>();
        steps.forEach(({ gapMs, kind, actions }, i) => {
          at += gapMs;
          const base = { id: `e${i}`, platform, shopId: 'shop', buyerId: 'buyer', at };
          const event: InboundEvent =
            kind === 'timer' ? { ...base, kind, purpose: 'sla_breach', ref: 'x' } : kind === 'conversation_closed' ? { ...base, kind } : { ...base, kind, text: '在吗' };
          const out = trackRound(state, event, kind === 'agent_message' ? [] : actions, policies[platform], TZ);
          if (out.changed) {
            const previous = rows.get(out.changed.id);
            // A row only gains facts; what it already said stays.
            if (previous) expect(out.changed).toMatchObject(previous);
            rows.set(out.changed.id, out.changed);
          }
          if (out.state.open) expect(rows.get(out.state.open.id)).toEqual(out.state.open);
          state = out.state;
        });
        for (const r of rows.values()) {
          expect(r.humanRepliedAt !== undefined && r.closedAt !== undefined).toBe(false);
          for (const t of [r.botRepliedAt, r.humanRepliedAt, r.closedAt]) if (t !== undefined) expect(t).toBeGreaterThanOrEqual(r.startedAt);
        }
      }),
    );
  });
});
