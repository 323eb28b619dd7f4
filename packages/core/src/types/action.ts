import type { ScriptKind } from '../rules/scripts.ts';
import type { Severity } from '../rules/complaint.ts';
import type { TimerPurpose } from './event.ts';
import type { Intent } from './platform.ts';

/** Why something was decided: a machine code and the human-readable detail. */
export type Reason = { code: string; detail: string };

/** Everything an action carries whatever its kind. */
type ActionBase = {
  /** Deterministic (`<event id>#<n>`): sends and notifications are idempotent by it. */
  id: string;
};

/** What the engine wants done. The runtime performs these; the core never does I/O. */
export type Action =
  /** Send a message to the buyer. */
  | (ActionBase & {
      kind: 'reply';
      /** Which script it comes from: a script of `scripts.*`, or `faq`. */
      script: ScriptKind | 'faq';
      text: string;
      intent: Intent;
      /** The rule that produced it: an FAQ rule id, or `scripts.<kind>`. */
      ruleId: string;
      /** FAQ confidence (0…1), when an FAQ rule answered. */
      score?: number;
      reason: Reason;
    })
  /** Alert the shop's team channel: a person is needed now. */
  | (ActionBase & { kind: 'escalate'; severity: Severity; reasons: Reason[]; deadline?: number })
  /** Wake the engine with a `timer` event at `at`. */
  | (ActionBase & { kind: 'schedule'; at: number; purpose: TimerPurpose; ref: string; reason: Reason })
  /** A person should answer this conversation in the platform's queue; the bot stops answering it. */
  | (ActionBase & { kind: 'handoff'; reason: Reason; suggestion?: { ruleId: string; score: number } })
  /** A decision with no outward effect, kept for the log (why the bot stayed silent, a closed round). */
  | (ActionBase & { kind: 'log'; reason: Reason; data?: Record<string, number | string | boolean> });

export type ActionKind = Action['kind'];
