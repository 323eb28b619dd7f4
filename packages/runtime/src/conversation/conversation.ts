import { decide, initialState, type Action, type ConversationState, type Engine, type InboundEvent, type TimerPurpose } from '@kefu/core';
import { DurableObject } from 'cloudflare:workers';
import { loadRules } from '../rules/kv-rules.ts';
import { MIGRATIONS } from './schema.ts';

/** What happened to one inbound event. */
export type HandleResult =
  /** Already acted on: a platform retry or a duplicate delivery. Nothing was done again. */
  | { kind: 'duplicate' }
  /** Decided: these actions were recorded in the outbox. */
  | { kind: 'decided'; actions: Action[] }
  /** No usable rules for this shop: nothing decided; the event is not marked seen, so a retry can succeed. */
  | { kind: 'no_rules'; reason: string };

/**
 * One conversation per (platform, shop, buyer): it dedupes by the platform's event id durably
 * before acting, keeps the core's conversation state, runs `decide()`, and owns the alarms the
 * core schedules. Dedupe, state and outbox are written in one transaction with the decision.
 */
export class Conversation extends DurableObject<Env> {
  readonly #sql: SqlStorage;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.#sql = ctx.storage.sql;
    for (const statement of MIGRATIONS) this.#sql.exec(statement);
  }

  /** Act on an inbound event, exactly once. */
  async handle(event: InboundEvent): Promise<HandleResult> {
    const rules = await loadRules(this.env.RULES, event.platform, event.shopId);
    if (rules.kind === 'unavailable') return { kind: 'no_rules', reason: rules.errors.map((e) => `${e.path}: ${e.message}`).join('; ') };
    return this.#decide(event, rules.engine, Date.now());
  }

  /** Fire the timers that are due, each as a `timer` event through `decide()`. */
  override async alarm(): Promise<void> {
    const now = Date.now();
    const due = this.#sql.exec<{ id: string; at: number; purpose: string; ref: string }>('SELECT id, at, purpose, ref FROM timers WHERE at <= ? ORDER BY at', now).toArray();
    const state = this.#state();
    const context = state.context;
    if (!context) return;
    const rules = await loadRules(this.env.RULES, context.platform, context.shopId);
    if (rules.kind === 'unavailable') {
      await this.ctx.storage.setAlarm(now + 60_000); // rules missing: try again, don't lose the timers
      return;
    }
    for (const timer of due) {
      const event: InboundEvent = { kind: 'timer', id: timer.id, platform: context.platform, shopId: context.shopId, buyerId: context.buyerId, at: timer.at, purpose: timer.purpose as TimerPurpose, ref: timer.ref };
      this.#decide(event, rules.engine, now);
      this.#sql.exec('DELETE FROM timers WHERE id = ?', timer.id);
    }
    await this.#armAlarm();
  }

  /** The actions recorded so far, in order (for the sender, the log and tests). */
  outbox(): Action[] {
    return this.#sql.exec<{ json: string }>('SELECT json FROM outbox ORDER BY seq').toArray().map((r) => JSON.parse(r.json) as Action);
  }

  #state(): StoredState {
    const row = this.#sql.exec<{ json: string }>('SELECT json FROM state WHERE k = 1').toArray()[0];
    return row ? (JSON.parse(row.json) as StoredState) : { core: initialState() };
  }

  #decide(event: InboundEvent, engine: Engine, now: number): HandleResult {
    const result = this.ctx.storage.transactionSync((): HandleResult => {
      const fresh = this.#sql.exec('INSERT OR IGNORE INTO seen (id, at) VALUES (?, ?)', event.id, now).rowsWritten > 0;
      if (!fresh) return { kind: 'duplicate' };
      const stored = this.#state();
      const { actions, state } = decide(event, stored.core, engine, now);
      const next: StoredState = { core: state, context: { platform: event.platform, shopId: event.shopId, buyerId: event.buyerId } };
      this.#sql.exec('INSERT OR REPLACE INTO state (k, json) VALUES (1, ?)', JSON.stringify(next));
      for (const action of actions) {
        this.#sql.exec('INSERT OR IGNORE INTO outbox (id, json) VALUES (?, ?)', action.id, JSON.stringify(action));
        if (action.kind === 'schedule') {
          this.#sql.exec('INSERT OR REPLACE INTO timers (id, at, purpose, ref) VALUES (?, ?, ?, ?)', action.id, action.at, action.purpose, action.ref);
        }
      }
      return { kind: 'decided', actions };
    });
    if (result.kind === 'decided' && result.actions.some((a) => a.kind === 'schedule')) void this.#armAlarm();
    return result;
  }

  /** Point the DO alarm at the earliest pending timer. */
  async #armAlarm(): Promise<void> {
    const next = this.#sql.exec<{ at: number | null }>('SELECT MIN(at) AS at FROM timers').one().at;
    if (next === null) await this.ctx.storage.deleteAlarm();
    else await this.ctx.storage.setAlarm(next);
  }
}

/** What the DO keeps: the core's state and which conversation it is (for timer events). */
type StoredState = { core: ConversationState; context?: { platform: InboundEvent['platform']; shopId: string; buyerId: string } };
