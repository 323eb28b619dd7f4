import { dispatch, type Envelope } from '@kefu/runtime';
import { DurableObject } from 'cloudflare:workers';
import type { WecomEnv } from './env.ts';
import { toEnvelope } from './messages.ts';
import { syncMsg } from './sync-msg.ts';

/** What one pull did (counts only: no buyer text). */
export type PullReport = { pages: number; dispatched: number; ignored: Record<string, number>; failed?: string; summary: string };

/** The callback Token relaxes sync_msg's rate limit for 10 minutes (protocols §5.2); keep a margin. */
const TOKEN_LIFE_MS = 9 * 60_000;
/** Pages per run before yielding to an alarm, so one request never loops without end. */
const MAX_PAGES_PER_RUN = 20;
/** A failed pull is retried from the alarm: 30 s, doubling, at most every 10 min. */
const RETRY_BASE_MS = 30_000;
const RETRY_MAX_MS = 10 * 60_000;

type Tally = { pages: number; dispatched: number; ignored: Record<string, number> };

function report(tally: Tally, failed: string | undefined): PullReport {
  const counts = Object.entries(tally.ignored).map(([what, n]) => `${what}×${n}`).join(', ');
  const summary = `${tally.pages} page(s), ${tally.dispatched} event(s) dispatched${counts ? `, ignored ${counts}` : ''}${failed ? `; failed: ${failed}` : ''}`;
  return { ...tally, summary, ...(failed ? { failed } : {}) };
}

type Stored = { openKfId?: string; cursor?: string; token?: string; tokenAt?: number; failures?: number };

/**
 * One per 客服账号 (open_kfid): owns its `sync_msg` cursor and runs its pulls one at a time.
 *
 * Why a Durable Object: two callbacks can arrive together (WeCom retries, or two customers write at
 * once). Pulling in both would fetch the same page twice and race on saving `next_cursor`. Here
 * a pull that arrives while one runs does not start a second loop: it asks the running one to go
 * round once more (new messages may have landed after its last page) and waits for it.
 *
 * Nothing is lost: each page is handed to the conversations (`dispatch`, which returns once every
 * event is durably recorded) before its `next_cursor` is saved. If the pull or the dispatch fails,
 * the cursor stays, the alarm retries with backoff, and the next callback pulls from there too;
 * a message seen twice is dropped by its conversation, which dedupes by msgid.
 */
export class KfCursor extends DurableObject<WecomEnv> {
  #running: Promise<PullReport> | undefined;
  #again = false;

  /** Pull everything new for `openKfId` (the callback's Token, if any, speeds it up). */
  async pull(openKfId: string, token?: string): Promise<PullReport> {
    await this.#save({ openKfId, ...(token ? { token, tokenAt: Date.now() } : {}) });
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = this.#loop().finally(() => {
      this.#running = undefined;
    });
    return this.#running;
  }

  /** Retry after a failure, or continue a long backlog. */
  override async alarm(): Promise<void> {
    const { openKfId } = await this.#load();
    if (openKfId) await this.pull(openKfId);
  }

  async #loop(): Promise<PullReport> {
    const tally: Tally = { pages: 0, dispatched: 0, ignored: {} };
    let failed: string | undefined;
    do {
      this.#again = false;
      failed = await this.#drain(tally);
    } while (this.#again && failed === undefined);
    return report(tally, failed);
  }

  /** Pull pages until has_more is 0; the failure, if one stopped it (the alarm will retry). */
  async #drain(tally: Tally): Promise<string | undefined> {
    const stored = await this.#load();
    const { openKfId } = stored;
    if (!openKfId) return 'no open_kfid yet';
    let cursor = stored.cursor;
    const token = stored.token && stored.tokenAt && Date.now() - stored.tokenAt < TOKEN_LIFE_MS ? stored.token : undefined;
    try {
      for (let pages = 0; pages < MAX_PAGES_PER_RUN; pages++) {
        const page = await syncMsg(this.env, { openKfId, ...(cursor ? { cursor } : {}), ...(token ? { token } : {}) });
        if (page.kind !== 'page') return await this.#failed(page.reason, stored);
        tally.pages += 1;
        const envelopes: Envelope[] = [];
        for (const item of page.items) {
          const mapped = toEnvelope(item);
          if (mapped.kind === 'envelope') envelopes.push(mapped.envelope);
          else tally.ignored[mapped.what] = (tally.ignored[mapped.what] ?? 0) + 1;
        }
        if (envelopes.length > 0) await dispatch(this.env, envelopes);
        tally.dispatched += envelopes.length;
        // An empty next_cursor would restart from three days back: keep the one we have.
        if (page.nextCursor) cursor = page.nextCursor;
        await this.#save({ ...(cursor ? { cursor } : {}), failures: 0 });
        if (!page.hasMore) {
          await this.ctx.storage.deleteAlarm();
          return undefined;
        }
      }
      await this.ctx.storage.setAlarm(Date.now()); // more to fetch: continue in a fresh invocation
      return undefined;
    } catch (error) {
      return await this.#failed(error instanceof Error ? error.message : String(error), stored);
    }
  }

  async #failed(reason: string, stored: Stored): Promise<string> {
    const failures = (stored.failures ?? 0) + 1;
    const delay = Math.min(RETRY_BASE_MS * 2 ** (failures - 1), RETRY_MAX_MS);
    console.error(`wecom ${stored.openKfId ?? '?'}: pull failed (${failures}×), retrying in ${delay / 1000} s: ${reason}`);
    await this.#save({ failures });
    await this.ctx.storage.setAlarm(Date.now() + delay);
    return reason;
  }

  // Separate keys, each written whole: no read-modify-write for two pulls to interleave.
  async #load(): Promise<Stored> {
    const values = await this.ctx.storage.get<string | number>(['openKfId', 'cursor', 'token', 'tokenAt', 'failures']);
    return Object.fromEntries(values) as Stored;
  }

  async #save(change: Partial<Stored>): Promise<void> {
    await this.ctx.storage.put(change);
  }
}
