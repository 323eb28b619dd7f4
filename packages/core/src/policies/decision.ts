import type { Engine } from '../engine.ts';
import type { Severity } from '../rules/complaint.ts';
import type { ScriptKind } from '../rules/scripts.ts';
import { renderTemplate } from '../template/render.ts';
import type { Action, Reason } from '../types/action.ts';
import type { InboundEvent, TimerPurpose } from '../types/event.ts';
import type { Intent } from '../types/platform.ts';
import type { ConversationState } from '../types/state.ts';

/**
 * One decision in progress: the event, the next state and the actions so far. Policies append to
 * it; action ids are `<event id>#<n>`, so the same input always yields the same ids.
 */
export class Decision {
  readonly actions: Action[] = [];
  readonly event: InboundEvent;
  readonly state: ConversationState;
  readonly engine: Engine;
  readonly now: number;

  constructor(event: InboundEvent, state: ConversationState, engine: Engine, now: number) {
    this.event = event;
    this.state = state;
    this.engine = engine;
    this.now = now;
  }

  get rules(): Engine['rules'] {
    return this.engine.rules;
  }

  /** A person on the shop's side is handling the conversation: no bot messages. */
  get humanActive(): boolean {
    return this.state.humanActiveUntil !== undefined && this.state.humanActiveUntil > this.now;
  }

  get repliedSoFar(): boolean {
    return this.actions.some((a) => a.kind === 'reply');
  }

  #id(): string {
    return `${this.event.id}#${this.actions.length}`;
  }

  /** Send the next variant of a script (variants rotate per conversation). */
  reply(options: {
    script: ScriptKind | 'faq';
    variants: readonly string[];
    rotationKey: string;
    intent: Intent;
    ruleId: string;
    reason: Reason;
    score?: number;
    values?: Readonly<Record<string, string>>;
  }): void {
    const turn = this.state.rotation[options.rotationKey] ?? 0;
    const template = options.variants[turn % options.variants.length] ?? '';
    this.state.rotation[options.rotationKey] = turn + 1;
    const text = renderTemplate(template, { ...this.engine.shopValues, ...options.values });
    this.actions.push({
      kind: 'reply',
      id: this.#id(),
      script: options.script,
      text,
      intent: options.intent,
      ruleId: options.ruleId,
      reason: options.reason,
      ...(options.score !== undefined && { score: options.score }),
    });
  }

  escalate(severity: Severity, reasons: Reason[], deadline?: number): void {
    this.actions.push({ kind: 'escalate', id: this.#id(), severity, reasons, ...(deadline !== undefined && { deadline }) });
  }

  schedule(at: number, purpose: TimerPurpose, ref: string, reason: Reason): void {
    this.actions.push({ kind: 'schedule', id: this.#id(), at, purpose, ref, reason });
  }

  handoff(reason: Reason, suggestion?: { ruleId: string; score: number }): void {
    this.actions.push({ kind: 'handoff', id: this.#id(), reason, ...(suggestion && { suggestion }) });
  }

  log(reason: Reason, data?: Record<string, number | string | boolean>): void {
    this.actions.push({ kind: 'log', id: this.#id(), reason, ...(data && { data }) });
  }
}
