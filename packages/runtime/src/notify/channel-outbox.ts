import { deliver, rateLimit, renderDigest, renderEscalation, type ChannelConfig, type ChannelOutcome, type Escalation } from '@kefu/notify';
import { DurableObject } from 'cloudflare:workers';
import type { RuntimeEnv } from '../env.ts';
import { backoffSeconds } from '../outbound/backoff.ts';
import { teamChannels } from './team-channels.ts';

const TABLES = [
  `CREATE TABLE IF NOT EXISTS pending (key TEXT PRIMARY KEY, json TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, next_at INTEGER NOT NULL, created_at INTEGER NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS delivered (key TEXT PRIMARY KEY, at INTEGER NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS sends (at INTEGER NOT NULL)`,
] as const;

/** Attempts before a notice is dead-lettered. */
const MAX_ATTEMPTS = 8;
/** Most escalations one digest lists (the rest wait for the next one). */
const DIGEST_MAX = 40;

type Item = { channel: string; escalation: Escalation; timeZone: string };
type Row = { key: string; json: string; attempts: number };

/**
 * One per team channel: every notice for the channel goes through here, so its rate limit holds
 * across isolates (DingTalk and WeCom 20/min, Feishu 100/min and 5/s, Slack ~1/s). When more is
 * waiting than the limit allows, the waiting notices go out as one digest instead of being dropped.
 * Failures retry with backoff from the alarm; after the last attempt a notice is dead-lettered in
 * D1. Idempotent per escalation update: the same notice submitted twice is sent once.
 */
export class ChannelOutboxObject extends DurableObject<RuntimeEnv> {
  readonly #sql: SqlStorage;
  /** The flush in progress: a Durable Object takes new calls while a send awaits the network. */
  #flushing: Promise<void> | undefined;
  /** Something arrived during that flush: go round once more. */
  #again = false;

  constructor(ctx: DurableObjectState, env: RuntimeEnv) {
    super(ctx, env);
    this.#sql = ctx.storage.sql;
    for (const statement of TABLES) this.#sql.exec(statement);
  }

  /** Take a notice for this channel; sends it now if the rate limit allows. */
  async submit(channel: string, escalation: Escalation, timeZone: string): Promise<'queued' | 'duplicate'> {
    const key = `${escalation.id}#${escalation.update}`;
    const known = this.#sql.exec('SELECT 1 FROM pending WHERE key = ? UNION SELECT 1 FROM delivered WHERE key = ?', key, key).toArray().length > 0;
    if (known) return 'duplicate';
    const now = Date.now();
    const item: Item = { channel, escalation, timeZone };
    this.#sql.exec('INSERT INTO pending (key, json, next_at, created_at) VALUES (?, ?, ?, ?)', key, JSON.stringify(item), now, now);
    await this.#flush();
    return 'queued';
  }

  /** What is waiting and what went out (for the console and tests). */
  status(): { pending: number; delivered: number; sendsLastMinute: number } {
    const count = (q: string, ...args: number[]) => this.#sql.exec<{ n: number }>(q, ...args).one().n;
    return { pending: count('SELECT COUNT(*) AS n FROM pending'), delivered: count('SELECT COUNT(*) AS n FROM delivered'), sendsLastMinute: count('SELECT COUNT(*) AS n FROM sends WHERE at > ?', Date.now() - 60_000) };
  }

  override async alarm(): Promise<void> {
    await this.#flush();
  }

  /** One flush at a time, so a notice is never picked up by two sends at once. */
  async #flush(): Promise<void> {
    if (this.#flushing) {
      this.#again = true;
      return this.#flushing;
    }
    this.#flushing = (async () => {
      do {
        this.#again = false;
        await this.#flushOnce();
      } while (this.#again);
    })();
    try {
      await this.#flushing;
    } finally {
      this.#flushing = undefined;
    }
  }

  async #flushOnce(): Promise<void> {
    const now = Date.now();
    const ready = this.#sql.exec<Row>('SELECT key, json, attempts FROM pending WHERE next_at <= ? ORDER BY created_at', now).toArray();
    if (ready.length > 0) {
      const first = JSON.parse(ready[0]?.json ?? '{}') as Item;
      const { channels, problem } = teamChannels(this.env);
      const config = channels[first.channel];
      if (!config) await this.#deadLetter(ready, problem ?? `no channel "${first.channel}" in TEAM_CHANNELS`);
      else await this.#send(config, ready, now);
    }
    await this.#arm();
  }

  /** Send what the rate limit allows: each notice on its own if there is room, else one digest. */
  async #send(config: ChannelConfig, ready: Row[], now: number): Promise<void> {
    this.#sql.exec('DELETE FROM sends WHERE at <= ?', now - 60_000);
    const limit = rateLimit(config.type);
    const inMinute = this.#sql.exec<{ n: number }>('SELECT COUNT(*) AS n FROM sends').one().n;
    const inSecond = this.#sql.exec<{ n: number }>('SELECT COUNT(*) AS n FROM sends WHERE at > ?', now - 1_000).one().n;
    const room = Math.min(limit.perMinute - inMinute, (limit.perSecond ?? Infinity) - inSecond);
    if (room <= 0) return; // #arm() wakes us when the window frees a slot
    const items = ready.map((r) => ({ row: r, item: JSON.parse(r.json) as Item }));
    const batches = items.length <= room ? items.map((i) => [i]) : [items.slice(0, DIGEST_MAX)];
    for (const batch of batches) {
      const [head] = batch;
      if (!head) continue;
      const request = batch.length === 1 ? renderEscalation(config, head.item.escalation, now, head.item.timeZone) : renderDigest(config, batch.map((b) => b.item.escalation), now, head.item.timeZone);
      const outcome = await deliver(request, config.type);
      this.#sql.exec('INSERT INTO sends (at) VALUES (?)', now);
      await this.#settle(batch.map((b) => b.row), outcome, now);
    }
  }

  async #settle(rows: Row[], outcome: ChannelOutcome, now: number): Promise<void> {
    if (outcome.kind === 'sent') {
      for (const r of rows) {
        this.#sql.exec('DELETE FROM pending WHERE key = ?', r.key);
        this.#sql.exec('INSERT OR IGNORE INTO delivered (key, at) VALUES (?, ?)', r.key, now);
      }
      return;
    }
    if (outcome.kind === 'refused') return this.#deadLetter(rows, `refused: ${outcome.reason}`);
    const base = Number(this.env.RETRY_BASE_SECONDS ?? 5);
    for (const r of rows) {
      const attempts = outcome.kind === 'throttled' ? r.attempts : r.attempts + 1;
      if (attempts >= MAX_ATTEMPTS) {
        await this.#deadLetter([r], `retries exhausted: ${outcome.reason}`);
        continue;
      }
      const wait = outcome.kind === 'throttled' ? outcome.retryAfterMs : backoffSeconds(attempts, base) * 1000;
      console.warn(`notify: ${r.key} ${outcome.kind} (${outcome.reason}); again in ${wait} ms`);
      this.#sql.exec('UPDATE pending SET attempts = ?, next_at = ? WHERE key = ?', attempts, now + wait, r.key);
    }
  }

  /** Record undeliverable notices in D1 `dead_letters` (the console lists them) and stop retrying. */
  async #deadLetter(rows: Row[], reason: string): Promise<void> {
    const now = Date.now();
    for (const r of rows) {
      const item = JSON.parse(r.json) as Item;
      console.error(`notify: dead letter ${r.key} on ${item.channel}: ${reason}`);
      await this.env.DB.prepare('INSERT INTO dead_letters (id, kind, platform, shop_id, job, reason, at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET reason = excluded.reason, at = excluded.at')
        .bind(`${item.channel}:${r.key}`, 'notify', item.escalation.platform, item.escalation.shopId, r.json, reason, now)
        .run();
      this.#sql.exec('DELETE FROM pending WHERE key = ?', r.key);
    }
  }

  /** Wake at the earliest retry; if notices are waiting on the rate limit, look again in a second. */
  async #arm(): Promise<void> {
    const next = this.#sql.exec<{ at: number | null }>('SELECT MIN(next_at) AS at FROM pending').one().at;
    if (next === null) return void (await this.ctx.storage.deleteAlarm());
    await this.ctx.storage.setAlarm(Math.max(next, Date.now() + 1_000));
  }
}
