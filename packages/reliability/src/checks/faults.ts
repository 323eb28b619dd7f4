import { PLATFORMS, type Platform } from '@kefu/core';
import type { Recorded } from '@kefu/sandbox';
import { TEAM_CHANNEL } from '../accounting/record-keys.ts';
import { settleEvents, statsOf } from '../accounting/settle-events.ts';
import { settleLedger, type ConversationRef } from '../accounting/settle.ts';
import { sandbox } from '../clients/sandbox-client.ts';
import { workerClient, type Stats } from '../clients/worker-client.ts';
import { verdict, type CheckResult, type Log } from '../report/check-result.ts';
import { pool, seeded, sleep } from '../support/index.ts';
import { COMPLAINTS } from '../traffic/buyer-texts.ts';
import { deliverMessage, eventIdOf, type BuyerMessage } from '../traffic/deliver.ts';

/** Where replies and notices leave the workers, as the sandbox names them. */
const SEND = ['bridge:taobao', 'bridge:pinduoduo', 'bridge:jd', 'wecom:send_msg', 'douyin:im_send'] as const;
const CHANNELS = [...SEND, TEAM_CHANNEL] as const;
/** Senders that give up after 10 s (apps/wecom http.ts, @kefu/notify deliver.ts): a 12 s answer is a timeout to them. */
const TIMED_OUT = ['wecom:send_msg', TEAM_CHANNEL] as const;
const DELAY_MS = 12_000;
/** How long the timeouts last: every send in the phase meets at least one, then they heal. */
const TIMEOUT_WINDOW_MS = 25_000;

type Phase = { name: string; messages: BuyerMessage[]; late: (r: Recorded) => boolean };

const deadNotices = async () => {
  let n = 0;
  for (const p of PLATFORMS) n += (await workerClient(p).stats()).deadLetters.notify ?? 0;
  return n;
};

/**
 * Check 4: the platforms' send APIs and the team channel fail half their calls (503), then time out
 * (WeCom and the team channel answer after the sender's 10 s timeout; the chat bridge and 抖音 IM,
 * whose senders set no timeout, drop half their connections instead). Every reply and escalation
 * must arrive after retries or sit in the dead letters; nothing pending, nothing lost.
 */
export async function faults(o: { messages: number; settleTimeoutMs: number; seed: number; runId: string }, log: Log): Promise<CheckResult> {
  const r = seeded(o.seed + 4);
  let n = 0;
  const batch = (name: string, count: number): BuyerMessage[] =>
    Array.from({ length: count }, (_, i) => {
      const platform = PLATFORMS[i % PLATFORMS.length] as Platform;
      const buyer = `${o.runId}-fault-${name}-${platform}-${i}`;
      return { platform, shop: platform === 'wecom' ? 'wkFault' : 'fault-shop', buyer, text: r.pick(COMPLAINTS), messageId: `${o.runId}-F${(n += 1)}` };
    });
  const half = Math.ceil(o.messages / 2);
  const deadBefore = await deadNotices();
  const phases: Phase[] = [];
  let serverErrors = 0;
  const refused: string[] = [];
  const deliver = async (messages: BuyerMessage[]) => {
    await pool(messages, 10, async (m) => {
      const outcome = await deliverMessage(m);
      serverErrors += outcome.serverErrors;
      if (outcome.kind === 'refused') refused.push(`${m.platform} ${m.messageId}: ${outcome.status}`);
    });
  };

  // A: half of every call fails with 503.
  const failing = batch('503', half);
  for (const ch of CHANNELS) await sandbox.faults(ch, { failRate: 0.5 });
  const beforeA = await statsOf(PLATFORMS);
  await deliver(failing);
  phases.push({ name: 'failing 50 %', messages: failing, late: () => false });
  const a = await settlePhase(failing, beforeA, o.settleTimeoutMs, log);
  await sandbox.heal(CHANNELS);

  // B: timeouts. Delays beyond the sender's timeout where there is one, dropped connections where not.
  const slow = batch('timeout', o.messages - half);
  const beforeB = await statsOf(PLATFORMS);
  const windowStart = Date.now();
  for (const ch of TIMED_OUT) await sandbox.faults(ch, { delayMs: DELAY_MS });
  for (const ch of SEND.filter((c) => !(TIMED_OUT as readonly string[]).includes(c))) await sandbox.faults(ch, { failRate: 0.5, failWith: 'drop' });
  await deliver(slow);
  await sleep(Math.max(0, windowStart + TIMEOUT_WINDOW_MS - Date.now()));
  for (const ch of TIMED_OUT) await sandbox.faults(ch, {});
  const windowEnd = Date.now();
  // Answered 12 s after arriving: the sender had given up at 10 s, whatever the sandbox then said.
  const late = (rec: Recorded) => (TIMED_OUT as readonly string[]).includes(rec.channel) && rec.at >= windowStart && rec.at <= windowEnd;
  phases.push({ name: 'timing out', messages: slow, late });
  const b = await settlePhase(slow, beforeB, o.settleTimeoutMs, log);
  await sandbox.heal(CHANNELS);

  // The whole picture: both phases' conversations, against everything the sandbox received.
  const refs = refsOf([...failing, ...slow]);
  const channelDead = Math.max(0, (await deadNotices()) - deadBefore);
  const account = await settleLedger(refs, 60_000, log, { late, channelDeadLetters: channelDead });
  const inScope = new Set(refs.map((x) => x.buyer));
  const scoped = account.records.filter((rec) => [...inScope].some((buyer) => rec.body.includes(buyer)));
  const faultsMet = new Map<string, number>(CHANNELS.map((ch) => [ch, 0]));
  for (const rec of scoped) if (rec.status !== 200 || late(rec)) faultsMet.set(rec.channel, (faultsMet.get(rec.channel) ?? 0) + 1);
  const unmet = [...faultsMet].filter(([, k]) => k === 0).map(([ch]) => ch);
  const eventsLost = a.lost + b.lost;

  for (const [phase, res] of [[phases[0], a], [phases[1], b]] as const) log(`  ${phase?.name}: ${phase?.messages.length} messages; events settled in ${(res.ms / 1000).toFixed(0)} s; ${res.lost} not logged / pending`);
  log(`  faults met per channel (failed, dropped or answered after the timeout): ${[...faultsMet].map(([ch, k]) => `${ch} ${k}`).join(', ')}`);
  log(`  replies ${account.replies}, notices ${account.notices}: ${account.delivered} received, ${account.dead} dead-lettered, ${account.lost} lost, ${account.duplicates} accepted twice; ${account.retried} needed more than one attempt`);
  log(`  ${account.lateRepeats} sends reached the receiver again after an attempt it answered too late (same msgid / escalation id#update: the receiver must drop the repeat)`);
  log(`  dead letters (team notices) during the check: ${channelDead}`);
  for (const p of [...account.problems, ...refused].slice(0, 12)) log(`    ! ${p}`);
  const lost = eventsLost + account.lost + refused.length;
  return verdict(
    '4',
    'send API and team channel failing / timing out',
    { count: o.messages, lost, duplicates: account.duplicates, serverErrors },
    [
      { what: `0 lost (got ${lost})`, met: lost === 0 },
      { what: `0 duplicates (got ${account.duplicates})`, met: account.duplicates === 0 },
      { what: `every channel met its fault (${unmet.join(', ') || 'all did'})`, met: unmet.length === 0 },
      { what: `sends were retried (${account.retried})`, met: account.retried > 0 },
    ],
    `${account.replies} replies + ${account.notices} notices: ${account.delivered} delivered after retries, ${account.dead} dead-lettered; ${account.lateRepeats} repeats after timeouts`,
  );
}

function refsOf(messages: readonly BuyerMessage[]): ConversationRef[] {
  return [...new Map(messages.map((m) => [`${m.platform}|${m.shop}|${m.buyer}`, { platform: m.platform, shop: m.shop, buyer: m.buyer }])).values()];
}

/** Wait for a phase's events: logged, acted on, nothing pending. */
async function settlePhase(messages: readonly BuyerMessage[], before: ReadonlyMap<Platform, Stats>, timeoutMs: number, log: Log): Promise<{ lost: number; ms: number }> {
  const ids = new Map<Platform, string[]>();
  for (const m of messages) ids.set(m.platform, [...(ids.get(m.platform) ?? []), eventIdOf(m)]);
  const tally = await settleEvents(ids, before, timeoutMs, log);
  return { lost: new Set([...tally.unlogged, ...tally.withoutActions, ...tally.pending]).size, ms: tally.ms };
}
