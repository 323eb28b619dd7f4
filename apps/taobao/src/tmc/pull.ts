import { conversationKey, dispatch, type Envelope, type RuntimeEnv } from '@kefu/runtime';
import { describeTopError, type TopResult } from '../top/index.ts';
import { CONSUME_QUANTITY, confirmMessages, consumeMessages } from './api.ts';
import type { TmcMessage } from './message.ts';
import { readMessage } from './reading.ts';
import { recordUnacted, type Unacted } from './record.ts';
import { tmcSettings } from './settings.ts';

/** What one cron run did (logged; tests read it too). */
export type PullSummary = { rounds: number; consumed: number; acted: number; ignored: number; recorded: number; confirmed: number; stoppedBecause: string };

/** Rounds per run, whatever the clock says: a runaway loop against TOP's call quota is worse than a backlog. */
const MAX_ROUNDS = 50;

type PullEnv = RuntimeEnv & Pick<Env, 'TAOBAO_API_BASE' | 'TAOBAO_APP_KEY' | 'TAOBAO_APP_SECRET' | 'TMC_GROUP_NAME' | 'TMC_RUN_SECONDS'>;

/**
 * One cron run of TMC over HTTP pull (protocols §2.2): consume a batch, durably record what it
 * means (order events dispatched to their conversations; unknown or unreadable messages in the
 * action log), and only then confirm exactly those ids. Repeat until TMC is empty, the time budget
 * is spent, or something fails: a TOP error (App Call Limited, isv.*…) or a failed dispatch ends
 * the run, and what was not confirmed comes back from TMC on a later run. Redelivered messages are
 * deduped by the conversations (event id = TMC message id).
 */
export async function pullTmc(env: PullEnv, clock: () => number = Date.now): Promise<PullSummary> {
  const summary: PullSummary = { rounds: 0, consumed: 0, acted: 0, ignored: 0, recorded: 0, confirmed: 0, stoppedBecause: '' };
  const config = tmcSettings(env);
  if (config.kind === 'missing') return { ...summary, stoppedBecause: `not configured: ${config.reason}` };
  const { settings } = config;
  const deadline = clock() + settings.runMs;
  while (!summary.stoppedBecause) {
    if (summary.rounds >= MAX_ROUNDS || clock() >= deadline) {
      summary.stoppedBecause = 'time budget spent; the next run goes on';
      break;
    }
    summary.rounds += 1;
    const batch = await consumeMessages(settings, clock());
    if (batch.kind !== 'ok') {
      summary.stoppedBecause = `consume failed: ${failure(batch)}`;
      break;
    }
    if (batch.withoutId > 0) console.error(`taobao tmc: ${batch.withoutId} message(s) without an id cannot be confirmed`);
    if (batch.messages.length === 0) {
      summary.stoppedBecause = 'TMC is empty';
      break;
    }
    summary.consumed += batch.messages.length;
    const handled = await handleBatch(env, batch.messages, clock());
    summary.acted += handled.acted;
    summary.ignored += handled.ignored;
    summary.recorded += handled.recorded;
    const confirmed = await confirmMessages(settings, handled.done, clock);
    if (confirmed.kind !== 'ok') summary.stoppedBecause = `confirm failed (TMC will redeliver): ${failure(confirmed)}`;
    else summary.confirmed += confirmed.confirmed;
    if (!summary.stoppedBecause && handled.failed.length > 0) summary.stoppedBecause = `left unconfirmed for redelivery: ${handled.failed.join('; ')}`;
    if (!summary.stoppedBecause && batch.messages.length < CONSUME_QUANTITY) summary.stoppedBecause = 'TMC is drained';
  }
  return summary;
}

type Handled = { done: string[]; failed: string[]; acted: number; ignored: number; recorded: number };

/** Act on one batch; `done` lists the ids that are durably handled and may be confirmed. */
async function handleBatch(env: PullEnv, messages: TmcMessage[], now: number): Promise<Handled> {
  const handled: Handled = { done: [], failed: [], acted: 0, ignored: 0, recorded: 0 };
  const events: Envelope[] = [];
  const unacted: Unacted[] = [];
  for (const message of messages) {
    const reading = readMessage(message, now);
    if (reading.kind === 'event') events.push(reading.envelope);
    else if (reading.kind === 'ignored') {
      handled.done.push(message.id);
      handled.ignored += 1;
    } else unacted.push({ message, code: reading.code, reason: reading.reason });
  }
  try {
    await recordUnacted(env.DB, unacted, now);
    handled.done.push(...unacted.map((u) => u.message.id));
    handled.recorded = unacted.length;
  } catch (error) {
    handled.failed.push(`recording ${unacted.length} unreadable message(s) failed: ${reason(error)}`);
  }
  // One conversation's events in order (a TradeCreate before its TradeBuyerPay); conversations side by side.
  const groups = new Map<string, Envelope[]>();
  for (const envelope of [...events].sort((a, b) => a.event.at - b.event.at)) {
    const key = conversationKey(envelope.event.platform, envelope.event.shopId, envelope.event.buyerId);
    groups.set(key, [...(groups.get(key) ?? []), envelope]);
  }
  const results = await Promise.allSettled([...groups.values()].map(async (group) => (await dispatch(env, group), group)));
  for (const result of results) {
    if (result.status === 'fulfilled') {
      handled.done.push(...result.value.map((e) => e.event.id));
      handled.acted += result.value.length;
    } else handled.failed.push(`dispatch failed: ${reason(result.reason)}`);
  }
  return handled;
}

function failure(result: Exclude<TopResult, { kind: 'ok' }>): string {
  return result.kind === 'error' ? describeTopError(result) : result.reason;
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
