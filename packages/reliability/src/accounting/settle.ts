import type { Platform } from '@kefu/core';
import type { Recorded } from '@kefu/sandbox';
import { RecordCache } from '../clients/record-cache.ts';
import { workerClient, type Conversation } from '../clients/worker-client.ts';
import type { Log } from '../report/check-result.ts';
import { pool, sleep } from '../support/index.ts';
import { conversationKey, ledger, type Ledger, type LedgerInput } from './ledger.ts';
import { noticeKeys, SEND_CHANNELS, sendKey, TEAM_CHANNEL } from './record-keys.ts';
import { readTimedOut } from './timeouts.ts';

/** A conversation the suite started. */
export type ConversationRef = { platform: Platform; shop: string; buyer: string };

/** The ledger, once every reply and notice reached its end or the time ran out. */
export type SettledLedger = Ledger & { conversations: number; ms: number; timedOut: boolean; records: Recorded[] };

const refKey = (c: ConversationRef) => conversationKey(c);
const outwardShape = (c: Conversation) =>
  c.actions
    .filter((a) => a.kind === 'reply' || a.kind === 'escalate')
    .map((a) => `${a.id}:${c.deliveries.find((d) => d.id === a.id)?.status ?? '-'}`)
    .join(',');

/**
 * Account for every reply and notice of these conversations against what the sandbox received,
 * until nothing is lost or the time runs out. Conversations whose figures may still move (a send
 * pending, a notice not yet out, 抖音 counts read while a timer fired) are read again.
 */
export async function settleLedger(refs: readonly ConversationRef[], timeoutMs: number, log: Log, options: Pick<LedgerInput, 'late' | 'channelDeadLetters'> = {}): Promise<SettledLedger> {
  const start = Date.now();
  const platforms = [...new Set(refs.map((r) => r.platform))];
  const cache = new RecordCache([...platforms.flatMap((p) => SEND_CHANNELS[p]), TEAM_CHANNEL]);
  const buyers = new Set(refs.map((r) => r.buyer));
  const fetch = (c: ConversationRef) => workerClient(c.platform).conversation(c.shop, c.buyer);
  const snapshot = new Map<string, Conversation>();
  let stale: readonly ConversationRef[] = refs;
  let lastLog = 0;
  for (;;) {
    for (const c of await pool(stale, 20, fetch)) snapshot.set(refKey(c), c);
    const records = (await cache.read()).filter((r) => {
      const send = sendKey(r);
      if (send) return buyers.has(send.buyer);
      return noticeKeys(r).some((n) => buyers.has(n.buyer));
    });
    // 抖音 sends are counted per buyer: the count is only meaningful if no reply appeared while reading.
    const douyin = [...snapshot.values()].filter((c) => c.platform === 'douyin');
    const unstable = new Set<string>();
    for (const again of await pool(douyin, 20, fetch)) {
      if (outwardShape(again) !== outwardShape(snapshot.get(refKey(again)) as Conversation)) unstable.add(refKey(again));
      snapshot.set(refKey(again), again);
    }
    const conversations = [...snapshot.values()];
    const timedOut = await readTimedOut();
    const result = ledger({ conversations, records, timedOut, ...options });
    const ms = Date.now() - start;
    if ((result.lost === 0 && unstable.size === 0) || ms > timeoutMs) return { ...result, conversations: conversations.length, ms, timedOut: result.lost > 0 || unstable.size > 0, records };
    // Read again only what can still change: conversations with something not received yet, and unstable ones.
    const open = new Set([...unstable, ...result.open]);
    stale = refs.filter((r) => open.has(refKey(r)));
    if (Date.now() - lastLog > 15_000) {
      log(`  … accounting: ${result.delivered} delivered, ${result.lost} not yet received in ${open.size} conversations (${Math.round(ms / 1000)} s)`);
      lastLog = Date.now();
    }
    await sleep(3_000);
  }
}
