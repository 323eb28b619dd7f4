import { PLATFORMS, type Platform } from '@kefu/core';
import { settleEvents, statsOf } from '../accounting/settle-events.ts';
import { settleLedger } from '../accounting/settle.ts';
import { verdict, type CheckResult, type Log } from '../report/check-result.ts';
import { pool, seeded } from '../support/index.ts';
import { buyerScript } from '../traffic/buyer-texts.ts';
import { deliverMessage, eventIdOf, type BuyerMessage } from '../traffic/deliver.ts';

export type InboundLoadOptions = {
  messages: number;
  /** Share of messages delivered twice at once (0.05 = 5 %). */
  duplicateRate: number;
  concurrency: number;
  /** Messages per buyer (one conversation), sent one after another. */
  perBuyer: number;
  shopsPerPlatform: number;
  settleTimeoutMs: number;
  seed: number;
  runId: string;
};

type Buyer = { messages: { m: BuyerMessage; copies: 1 | 2 }[] };

/** The buyers and their messages, spread evenly over the five platforms; exactly round(n·rate) are duplicated. */
export function planLoad(o: InboundLoadOptions): Buyer[] {
  const r = seeded(o.seed);
  const buyers: Buyer[] = [];
  let n = 0;
  for (const [pi, platform] of PLATFORMS.entries()) {
    const share = Math.floor(o.messages / PLATFORMS.length) + (pi < o.messages % PLATFORMS.length ? 1 : 0);
    for (let b = 0; b * o.perBuyer < share; b++) {
      const length = Math.min(o.perBuyer, share - b * o.perBuyer);
      const shop = platform === 'wecom' ? `wkLoad${b % o.shopsPerPlatform}` : `load-shop-${b % o.shopsPerPlatform}`;
      const buyer = `${o.runId}-load-${platform}-${b}`;
      buyers.push({ messages: buyerScript(r, length).map((text) => ({ m: { platform, shop, buyer, text, messageId: `${o.runId}-L${(n += 1)}` }, copies: 1 as const })) });
    }
  }
  const all = buyers.flatMap((b) => b.messages);
  for (const entry of r.shuffle(all).slice(0, Math.round(all.length * o.duplicateRate))) entry.copies = 2;
  return r.shuffle(buyers);
}

/**
 * Check 1: thousands of buyer messages over the five platforms, some delivered twice at once. Every
 * message must be logged with its actions and nothing pending; every reply must reach the platform's
 * send API exactly once and every escalation the team channel exactly once per update.
 */
export async function inboundLoad(o: InboundLoadOptions, log: Log): Promise<CheckResult> {
  const say = log;
  const buyers = planLoad(o);
  const messages = buyers.flatMap((b) => b.messages);
  const duplicated = messages.filter((x) => x.copies === 2).length;
  say(`  ${messages.length} messages from ${buyers.length} buyers on ${PLATFORMS.length} platforms, ${duplicated} of them delivered twice at once; concurrency ${o.concurrency}`);

  const before = await statsOf(PLATFORMS);
  const start = Date.now();
  let sent = 0;
  let serverErrors = 0;
  const refused: string[] = [];
  await pool(buyers, o.concurrency, async (buyer) => {
    for (const { m, copies } of buyer.messages) {
      const outcome = await deliverMessage(m, copies);
      serverErrors += outcome.serverErrors;
      if (outcome.kind === 'refused') refused.push(`${m.platform} ${m.messageId}: ${outcome.status} ${outcome.body}`);
      sent += 1;
      if (sent % 1000 === 0) say(`  … ${sent} sent (${Math.round((sent * 1000) / (Date.now() - start))}/s)`);
    }
  });
  const sendMs = Date.now() - start;
  say(`  sent ${messages.length} in ${(sendMs / 1000).toFixed(1)} s (${Math.round((messages.length * 1000) / sendMs)} msg/s); ${refused.length} refused, ${serverErrors} 5xx/network answers on the way`);

  const ids = new Map<Platform, string[]>();
  for (const { m } of messages) {
    const list = ids.get(m.platform) ?? [];
    list.push(eventIdOf(m));
    ids.set(m.platform, list);
  }
  const events = await settleEvents(ids, before, o.settleTimeoutMs, say);
  say(`  events: ${events.events - events.unlogged.length}/${events.events} logged, ${events.withoutActions.length} without actions, ${events.pending.length} with sends pending (settled ${(events.ms / 1000).toFixed(1)} s after the last send)`);

  const refs = [...new Map(messages.map(({ m }) => [`${m.platform}|${m.shop}|${m.buyer}`, { platform: m.platform, shop: m.shop, buyer: m.buyer }])).values()];
  const account = await settleLedger(refs, Math.max(60_000, o.settleTimeoutMs - events.ms), say);
  say(`  replies: ${account.replies} decided; notices: ${account.notices}; ${account.delivered} received by the sandbox, ${account.dead} dead-lettered, ${account.lost} lost, ${account.duplicates} accepted twice (accounted in ${(account.ms / 1000).toFixed(1)} s over ${account.conversations} conversations)`);
  if (account.duplicates > 0) say(`  of the duplicates, ${account.afterTimeout} came after the sender logged a timeout for that key (the receiver answered after 10 s and was sent it again)`);
  for (const p of account.problems) say(`    ! ${p}`);
  for (const x of [...refused, ...events.unlogged, ...events.pending].slice(0, 10)) say(`    ! ${x}`);

  const lost = refused.length + new Set([...events.unlogged, ...events.withoutActions, ...events.pending]).size + account.lost;
  const total = Date.now() - start;
  say(`  wall time ${(total / 1000).toFixed(1)} s`);
  return verdict(
    '1',
    'inbound load',
    { count: messages.length, lost, duplicates: account.duplicates, serverErrors },
    [
      { what: `0 lost (got ${lost})`, met: lost === 0 },
      { what: `0 duplicate replies or notices (got ${account.duplicates})`, met: account.duplicates === 0 },
      { what: `nothing dead-lettered without faults (got ${account.dead})`, met: account.dead === 0 },
    ],
    `${messages.length - refused.length} acked, ${account.replies} replies + ${account.notices} notices each received once`,
  );
}
