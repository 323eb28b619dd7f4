import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decide } from './decide.ts';
import { fixtureEngine, shanghai } from './test-support/rules.fixture.ts';
import type { InboundEvent } from './types/event.ts';
import { initialState } from './types/state.ts';

const engine = fixtureEngine();
const windowMs = engine.rules.policies.greeting.windowHours * 3_600_000;

const TEXTS = ['在吗', '你好', '什么时候发货', '發什麼快遞', '转人工', '我要投诉', '不是要投诉', '杯子碎了', '好的', '猫粮适合小猫吗', '质量差!!!', '', '😡😡', '12315'];

/** One step of a random conversation: what happens and how long after the previous step. */
const step = fc.record({
  // Mostly chat pace (seconds to minutes), sometimes hours, so quiet periods and windows both end.
  gapMs: fc.oneof({ arbitrary: fc.integer({ min: 0, max: 10 * 60_000 }), weight: 4 }, { arbitrary: fc.integer({ min: 0, max: 8 * 3_600_000 }), weight: 1 }),
  event: fc.oneof(
    {
      arbitrary: fc.record({
        kind: fc.constant('buyer_message' as const),
        text: fc.oneof({ arbitrary: fc.constantFrom(...TEXTS), weight: 4 }, { arbitrary: fc.string({ maxLength: 30 }), weight: 1 }),
        returning: fc.option(fc.boolean(), { nil: undefined }),
      }),
      weight: 6,
    },
    fc.record({ kind: fc.constant('agent_message' as const), text: fc.constant('您好') }),
    fc.record({ kind: fc.constant('session_enter' as const) }),
    fc.record({ kind: fc.constant('conversation_closed' as const) }),
    fc.record({ kind: fc.constant('timer' as const), purpose: fc.constantFrom('sla_alert' as const, 'sla_breach' as const), ref: fc.constantFrom('e1', 'e2', 'e3') }),
    fc.record({ kind: fc.constant('order' as const), orderId: fc.constantFrom('o1', 'o2'), status: fc.constantFrom('created_unpaid' as const, 'paid' as const, 'shipped' as const, 'refund_requested' as const), courier: fc.constant('中通快递'), trackingNo: fc.constant('ZT1') }),
    fc.record({ kind: fc.constant('timer' as const), purpose: fc.constant('unpaid_reminder' as const), ref: fc.constantFrom('o1', 'o2') }),
  ),
});

type Step = { gapMs: number; event: Record<string, unknown> & { kind: InboundEvent['kind'] } };

/** Run a random conversation and hand each decision, with the state before it, to `check`. */
function run(steps: Step[], check: (before: ReturnType<typeof initialState>, event: InboundEvent, result: ReturnType<typeof decide>) => void): void {
  let state = initialState();
  let at = shanghai('07:00');
  for (const [i, s] of steps.entries()) {
    at += s.gapMs;
    const event = { ...s.event, id: `e${i + 1}`, platform: 'taobao', shopId: 'shop', buyerId: 'buyer', at } as InboundEvent;
    const result = decide(event, state, engine, at);
    check(state, event, result);
    state = result.state;
  }
}

const conversations = fc.array(step, { minLength: 1, maxLength: 40 });

describe('decide: invariants over random conversations', () => {
  it('should never send two greetings within one greeting window', () => {
    fc.assert(
      fc.property(conversations, (steps) => {
        const greetings: number[] = [];
        run(steps as Step[], (_, event, { actions }) => {
          for (const a of actions) if (a.kind === 'reply' && a.script === 'greeting') greetings.push(event.at);
        });
        for (let i = 1; i < greetings.length; i += 1) expect(greetings[i]! - greetings[i - 1]!).toBeGreaterThanOrEqual(windowMs);
      }),
      { numRuns: 300 },
    );
  });

  it('should never auto-reply while a person is active', () => {
    fc.assert(
      fc.property(conversations, (steps) => {
        run(steps as Step[], (before, event, { actions }) => {
          const humanActive = before.humanActiveUntil !== undefined && before.humanActiveUntil > event.at;
          if (humanActive && event.kind !== 'conversation_closed') expect(actions.filter((a) => a.kind === 'reply')).toEqual([]);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('should give every escalation at least one reason', () => {
    fc.assert(
      fc.property(conversations, (steps) => {
        run(steps as Step[], (_, __, { actions }) => {
          for (const a of actions) if (a.kind === 'escalate') expect(a.reasons.length).toBeGreaterThan(0);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('should decide the same way for the same input, with unique action ids', () => {
    fc.assert(
      fc.property(conversations, (steps) => {
        const ids = new Set<string>();
        run(steps as Step[], (before, event, result) => {
          expect(decide(event, before, engine, event.at)).toEqual(result);
          for (const a of result.actions) {
            expect(ids.has(a.id)).toBe(false);
            ids.add(a.id);
          }
        });
      }),
      { numRuns: 200 },
    );
  });
});
