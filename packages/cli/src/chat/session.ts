import { decide, initialState, type Action, type ConversationState, type Engine, type InboundEvent, type Platform, type TimerPurpose } from '@kefu/core';
import type { SimClock } from './clock.ts';

/** What made the engine decide: the buyer, a person on the shop's side, or a timer coming due. */
export type Trigger =
  | { kind: 'buyer'; buyer: string; text: string }
  | { kind: 'agent'; buyer: string; text: string }
  | { kind: 'timer'; buyer: string; purpose: TimerPurpose; ref: string };

/** One decision: when, why the engine was asked, and every action it took. */
export type Step = { at: number; trigger: Trigger; actions: Action[] };

/** A `schedule` action waiting for its time, as the runtime keeps it (by the action's id). */
export type PendingTimer = { id: string; at: number; purpose: TimerPurpose; ref: string };

export type ChatSessionOptions = {
  platform: Platform;
  shopId: string;
  clock: SimClock;
  /** The first buyer carries the platform's "returning buyer" hint. */
  returning?: boolean;
};

/**
 * A chat with the engine, in process: one buyer at a time, the conversation state, the pending
 * timers and a simulated clock. Every call first fires the timers that came due while time passed
 * (each at its own instant, the way the conversation's alarm would), then does its own thing, and
 * returns the decisions in order. No I/O: the readline loop renders what it returns.
 */
export class ChatSession {
  readonly engine: Engine;
  readonly platform: Platform;
  readonly shopId: string;
  readonly clock: SimClock;
  #state: ConversationState = initialState();
  #timers: PendingTimer[] = [];
  #buyerCount = 1;
  #returning: boolean;
  #seq = 0;

  constructor(engine: Engine, options: ChatSessionOptions) {
    this.engine = engine;
    this.platform = options.platform;
    this.shopId = options.shopId;
    this.clock = options.clock;
    this.#returning = options.returning ?? false;
  }

  get timeZone(): string {
    return this.engine.rules.shop.timezone;
  }

  get buyer(): string {
    return `buyer-${this.#buyerCount}`;
  }

  /** Whether the current buyer's messages carry the platform's returning-buyer hint. */
  get returning(): boolean {
    return this.#returning;
  }

  get state(): Readonly<ConversationState> {
    return this.#state;
  }

  /** Pending timers, soonest first. */
  get timers(): readonly PendingTimer[] {
    return this.#timers;
  }

  /** The buyer writes. */
  say(text: string): Step[] {
    const steps = this.tick();
    const returning = this.#returning ? { returning: true } : {};
    steps.push(this.#decide({ ...this.#base(this.clock.now()), kind: 'buyer_message', text, ...returning }, { kind: 'buyer', buyer: this.buyer, text }));
    return steps;
  }

  /** A person on the shop's side replies: the bot goes quiet and the SLA round closes. */
  agent(text: string): Step[] {
    const steps = this.tick();
    steps.push(this.#decide({ ...this.#base(this.clock.now()), kind: 'agent_message', text }, { kind: 'agent', buyer: this.buyer, text }));
    return steps;
  }

  /** Let `ms` of simulated time pass, firing what comes due. */
  wait(ms: number): Step[] {
    this.clock.advance(ms);
    return this.tick();
  }

  /** Move the clock to the next pending timer and fire it (and anything due with it). */
  waitForNextTimer(): Step[] {
    const next = this.#timers[0];
    if (!next) return this.tick();
    if (next.at > this.clock.now()) this.clock.set(next.at);
    return this.tick();
  }

  /** Set the clock. Forward, the timers in between fire; backward, nothing does. */
  setTime(at: number): Step[] {
    this.clock.set(at);
    return this.tick();
  }

  /** Fire every timer due by now, each at its own instant, soonest first. */
  tick(): Step[] {
    const steps: Step[] = [];
    const now = this.clock.now();
    for (let timer = this.#timers[0]; timer && timer.at <= now; timer = this.#timers[0]) {
      this.#timers.shift();
      const event: InboundEvent = { ...this.#base(timer.at, timer.id), kind: 'timer', purpose: timer.purpose, ref: timer.ref };
      steps.push(this.#decide(event, { kind: 'timer', buyer: this.buyer, purpose: timer.purpose, ref: timer.ref }, timer.at));
    }
    return steps;
  }

  /**
   * The next buyer: a fresh conversation (first contact, or returning with the hint). The old
   * buyer's pending timers are dropped — the chat follows one conversation; returns how many.
   */
  newBuyer(returning: boolean): { dropped: number } {
    const dropped = this.#timers.length;
    this.#buyerCount += 1;
    this.#state = initialState();
    this.#timers = [];
    this.#returning = returning;
    return { dropped };
  }

  /** Mark the current buyer as returning: their next messages carry the platform's hint. */
  markReturning(): void {
    this.#returning = true;
  }

  /** Event ids as the runtime has them: `chat-<n>` per message; a timer event reuses its schedule action's id. */
  #base(at: number, id?: string) {
    if (id === undefined) this.#seq += 1;
    return { id: id ?? `chat-${this.#seq}`, platform: this.platform, shopId: this.shopId, buyerId: this.buyer, at };
  }

  #decide(event: InboundEvent, trigger: Trigger, now = event.at): Step {
    const { actions, state } = decide(event, this.#state, this.engine, now);
    this.#state = state;
    for (const action of actions) {
      if (action.kind !== 'schedule') continue;
      this.#timers = this.#timers.filter((t) => t.id !== action.id);
      this.#timers.push({ id: action.id, at: action.at, purpose: action.purpose, ref: action.ref });
    }
    this.#timers.sort((a, b) => a.at - b.at);
    return { at: event.at, trigger, actions };
  }
}
