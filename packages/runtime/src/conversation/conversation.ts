import { decide, trackRound, type Action, type Engine, type InboundEvent, type TimerPurpose } from '@kefu/core';
import { DurableObject } from 'cloudflare:workers';
import type { Envelope, SendBudget } from '../adapter/adapter.ts';
import { rulesAlert } from '../alerts/rules-alert.ts';
import type { RuntimeEnv } from '../env.ts';
import type { OutboundJob } from '../outbound/job.ts';
import { loadRules } from '../rules/kv-rules.ts';
import { planJobs } from './plan.ts';
import { MIGRATIONS, OUTBOX_RETRY_MS } from './schema.ts';
import { emptyConversation, type StoredConversation } from './stored.ts';

/** What happened to one inbound event. */
export type HandleResult =
  /** Already acted on: a platform retry or a duplicate delivery. Nothing was done again. */
  | { kind: 'duplicate' }
  /** Decided: these actions were recorded, their jobs are in the outbox or on the queue. */
  | { kind: 'decided'; actions: Action[] }
  /** No usable rules for this shop: nothing decided; the event is not marked seen, so a retry can succeed. */
  | { kind: 'no_rules'; reason: string };

/**
 * One conversation per (platform, shop, buyer): it dedupes by the platform's event id durably
 * before acting, keeps the conversation state, runs `decide()`, owns the alarms the core schedules,
 * and hands outbound jobs to the queue through a transactional outbox (nothing is lost if the
 * queue is briefly unavailable: the alarm tries again).
 *
 * An app exports it as `class Conversation extends ConversationObject {}`, overriding
 * `sendBudget` when its platform limits bot messages.
 */
export class ConversationObject extends DurableObject<RuntimeEnv> {
  protected readonly sendBudget: SendBudget | undefined = undefined;
  readonly #sql: SqlStorage;

  constructor(ctx: DurableObjectState, env: RuntimeEnv) {
    super(ctx, env);
    this.#sql = ctx.storage.sql;
    for (const statement of MIGRATIONS) this.#sql.exec(statement);
  }

  /** Act on an inbound event, exactly once. */
  async handle(envelope: Envelope): Promise<HandleResult> {
    const { event } = envelope;
    const rules = await loadRules(this.env.RULES, event.platform, event.shopId);
    const alert = rulesAlert(rules, event);
    if (alert) await this.#enqueue([alert]).catch((error: unknown) => console.error('rules alert not queued', error));
    if (rules.kind === 'unavailable') return { kind: 'no_rules', reason: rules.errors.map((e) => `${e.path}: ${e.message}`).join('; ') };
    const result = this.#decide(envelope, rules.engine, Date.now());
    if (result.kind === 'decided') await this.#flush();
    return result;
  }

  /** Fire the timers that are due and retry a stuck outbox. */
  override async alarm(): Promise<void> {
    const now = Date.now();
    const stored = this.#stored();
    const due = this.#sql.exec<{ id: string; at: number; purpose: string; ref: string }>('SELECT id, at, purpose, ref FROM timers WHERE at <= ? ORDER BY at', now).toArray();
    if (due.length > 0 && stored.ref) {
      const { platform, shopId, buyerId } = stored.ref;
      const rules = await loadRules(this.env.RULES, platform, shopId);
      if (rules.kind === 'unavailable') {
        await this.ctx.storage.setAlarm(now + 60_000); // rules missing: try again, keep the timers
        return;
      }
      for (const timer of due) {
        const event: InboundEvent = { kind: 'timer', id: timer.id, platform, shopId, buyerId, at: timer.at, purpose: timer.purpose as TimerPurpose, ref: timer.ref };
        this.#decide({ event }, rules.engine, now);
        this.#sql.exec('DELETE FROM timers WHERE id = ?', timer.id);
      }
    }
    await this.#flush();
    await this.#armAlarm();
  }

  /** The actions decided so far, in order (for the console, the CLI and tests). */
  actions(): Action[] {
    return this.#sql.exec<{ json: string }>('SELECT json FROM actions ORDER BY seq').toArray().map((r) => JSON.parse(r.json) as Action);
  }

  /** Jobs not yet on the queue (normally none). */
  pendingJobs(): number {
    return this.#sql.exec<{ n: number }>('SELECT COUNT(*) AS n FROM outbox').one().n;
  }

  #stored(): StoredConversation {
    const row = this.#sql.exec<{ json: string }>('SELECT json FROM state WHERE k = 1').toArray()[0];
    return row ? { ...emptyConversation(), ...(JSON.parse(row.json) as StoredConversation) } : emptyConversation();
  }

  #decide(envelope: Envelope, engine: Engine, now: number): HandleResult {
    const { event } = envelope;
    const result = this.ctx.storage.transactionSync((): HandleResult => {
      const fresh = this.#sql.exec('INSERT OR IGNORE INTO seen (id, at) VALUES (?, ?)', event.id, now).rowsWritten > 0;
      if (!fresh) return { kind: 'duplicate' };
      const stored = this.#stored();
      const { actions, state } = decide(event, stored.core, engine, now);
      const tracked = trackRound(stored.rounds, event, actions, engine.rules.sla[event.platform], engine.rules.shop.timezone);
      const { jobs, next } = planJobs(envelope, actions, { ...stored, core: state, rounds: tracked.state }, this.sendBudget, now, tracked.changed);
      this.#sql.exec('INSERT OR REPLACE INTO state (k, json) VALUES (1, ?)', JSON.stringify(next));
      for (const action of actions) {
        this.#sql.exec('INSERT OR IGNORE INTO actions (id, json) VALUES (?, ?)', action.id, JSON.stringify(action));
        if (action.kind === 'schedule') this.#sql.exec('INSERT OR REPLACE INTO timers (id, at, purpose, ref) VALUES (?, ?, ?, ?)', action.id, action.at, action.purpose, action.ref);
      }
      for (const job of jobs) this.#sql.exec('INSERT OR IGNORE INTO outbox (id, json) VALUES (?, ?)', job.id, JSON.stringify(job));
      return { kind: 'decided', actions };
    });
    if (result.kind === 'decided' && result.actions.some((a) => a.kind === 'schedule')) void this.#armAlarm();
    return result;
  }

  /** Hand the outbox to the queue; on failure the alarm tries again. */
  async #flush(): Promise<void> {
    const rows = this.#sql.exec<{ seq: number; json: string }>('SELECT seq, json FROM outbox ORDER BY seq LIMIT 100').toArray();
    if (rows.length === 0) return;
    try {
      await this.#enqueue(rows.map((r) => JSON.parse(r.json) as OutboundJob));
      this.#sql.exec('DELETE FROM outbox WHERE seq <= ?', rows.at(-1)?.seq ?? 0);
    } catch (error) {
      console.error('outbox: queue refused, retrying from the alarm', error);
      await this.#armAlarm();
    }
  }

  async #enqueue(jobs: OutboundJob[]): Promise<void> {
    await this.env.OUTBOX.sendBatch(jobs.map((body) => ({ body, contentType: 'json' as const })));
  }

  /** Point the alarm at the earliest pending timer, or soon if the outbox is stuck. */
  async #armAlarm(): Promise<void> {
    const timer = this.#sql.exec<{ at: number | null }>('SELECT MIN(at) AS at FROM timers').one().at;
    const stuck = this.pendingJobs() > 0 ? Date.now() + OUTBOX_RETRY_MS : null;
    const next = [timer, stuck].filter((t): t is number => t !== null);
    if (next.length === 0) await this.ctx.storage.deleteAlarm();
    else await this.ctx.storage.setAlarm(Math.min(...next));
  }
}
