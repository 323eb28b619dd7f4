import type { Action } from '@kefu/core';
import { noticeKeys, TEAM_CHANNEL } from '../accounting/record-keys.ts';
import { settleLedger } from '../accounting/settle.ts';
import { RecordCache } from '../clients/record-cache.ts';
import { workerClient } from '../clients/worker-client.ts';
import { verdict, type CheckResult, type Log } from '../report/check-result.ts';
import type { LocalStack } from '../stack/local-stack.ts';
import { until } from '../support/index.ts';
import { deliverMessage, type BuyerMessage } from '../traffic/deliver.ts';

const jd = workerClient('jd');
const greetings = (actions: readonly Action[]) => actions.filter((a) => a.kind === 'reply' && a.script === 'greeting').length;

/**
 * Check 6: a JD conversation is greeted, then complains (JD's clock: an SLA alert at 15 s, the
 * breach at 30 s, held as Durable Object alarms). Once the complaint's reply and notice are out,
 * and before the alert is due, the JD worker is stopped and started again. The conversation's state
 * must have survived (the next message is not greeted again) and the pending alarms must still fire
 * (SLA alert and breach notices reach the team). For the record, a second conversation complains
 * right before the stop, while its sends are still on the queue.
 */
export async function restartCheck(stack: LocalStack, o: { runId: string; settleTimeoutMs: number }, log: Log): Promise<CheckResult> {
  const a = { platform: 'jd' as const, shop: 'restart-shop', buyer: `${o.runId}-restart-a` };
  const b = { ...a, buyer: `${o.runId}-restart-b` };
  const problems: string[] = [];
  let serverErrors = 0;
  const deliver = async (m: BuyerMessage) => {
    const outcome = await deliverMessage(m);
    serverErrors += outcome.serverErrors;
    if (outcome.kind === 'refused') problems.push(`${m.messageId} refused: ${outcome.status} ${outcome.body}`);
  };

  await deliver({ ...a, text: '在吗', messageId: `${o.runId}-D1` });
  const greeted = await until(async () => {
    const c = await jd.conversation(a.shop, a.buyer);
    return { done: greetings(c.actions) > 0, value: c };
  }, 20_000, 500);
  await deliver({ ...a, text: '我要投诉你们 东西是坏的', messageId: `${o.runId}-D2` });
  const complaintOut = await settleLedger([a], 9_000, () => {});
  const complained = await jd.conversation(a.shop, a.buyer);
  const alarms = complained.actions.filter((x): x is Extract<Action, { kind: 'schedule' }> => x.kind === 'schedule');
  const alertAt = Math.min(...alarms.filter((x) => x.purpose === 'sla_alert').map((x) => x.at));
  const breachAt = Math.min(...alarms.filter((x) => x.purpose === 'sla_breach').map((x) => x.at));
  await deliver({ ...b, text: '差评已经写好了 你们看着办', messageId: `${o.runId}-D9` });
  const bSent = Date.now();

  const stopped = Date.now();
  await stack.stack.stopWorker('jd');
  const down = Date.now();
  await stack.stack.startWorker('jd');
  const up = Date.now();
  log(`  conversation A greeted (${greetings(greeted.value.actions)}), complained; its reply and notice ${complaintOut.lost === 0 ? 'were out' : `were NOT all out (${complaintOut.lost} missing)`} before the stop; SLA alert due +${((alertAt - stopped) / 1000).toFixed(1)} s, breach +${((breachAt - stopped) / 1000).toFixed(1)} s from the stop`);
  log(`  jd worker stopped in ${((down - stopped) / 1000).toFixed(1)} s, started again in ${((up - down) / 1000).toFixed(1)} s`);
  const stoppedInTime = Number.isFinite(alertAt) && down < alertAt;
  if (!stoppedInTime) problems.push('the worker was not down before the SLA alert was due: this run did not test alarm persistence');

  await deliver({ ...a, text: '什么时候发货', messageId: `${o.runId}-D3` });
  const after = await until(async () => {
    const c = await jd.conversation(a.shop, a.buyer);
    return { done: c.actions.some((x) => x.id.startsWith(`${o.runId}-D3#`)), value: c };
  }, 20_000, 500);
  const greetedAgain = greetings(after.value.actions) - 1;
  const faqAfter = after.value.actions.some((x) => x.id.startsWith(`${o.runId}-D3#`) && x.kind === 'reply' && x.script === 'faq');

  const team = new RecordCache([TEAM_CHANNEL]);
  const sla = await until(async () => {
    const keys = (await team.read()).filter((r) => r.status === 200).flatMap(noticeKeys).filter((k) => k.buyer === a.buyer);
    const codes = new Set(keys.flatMap((k) => k.reasons.map((x) => x.code)));
    return { done: codes.has('sla.alert') && codes.has('sla.breach'), value: { keys, codes, at: Date.now() } };
  }, Math.max(0, breachAt - Date.now()) + 60_000, 1_000);
  const alerted = sla.value.codes.has('sla.alert');
  const breached = sla.value.codes.has('sla.breach');
  const account = await settleLedger([a], o.settleTimeoutMs, log);
  const queued = await settleLedger([b], 20_000, () => {});
  log(`  after the restart: ${greetings(after.value.actions)} greeting in conversation A (${greetedAgain > 0 ? 'GREETED AGAIN: state lost' : 'not greeted again'}), the next question ${faqAfter ? 'answered from the FAQ' : 'NOT answered'}`);
  log(`  team channel for A: SLA alert ${alerted ? 'received' : 'MISSING'}, breach ${breached ? 'received' : 'MISSING'} (${sla.value.keys.length} notices; the last ${((sla.value.at - up) / 1000).toFixed(0)} s after the restart)`);
  log(`  A's replies and notices: ${account.delivered} received, ${account.lost} lost, ${account.duplicates} twice`);
  log(`  for the record, conversation B (complained ${((stopped - bSent) / 1000).toFixed(1)} s before the stop): ${queued.delivered} of ${queued.replies + queued.notices} replies/notices received, ${queued.lost} never sent — ${queued.lost > 0 ? "the local stack's queue is in memory: jobs the Durable Object had handed to it were dropped by the restart" : 'nothing was lost'}`);
  for (const p of [...problems, ...account.problems, ...queued.problems.map((x) => `B: ${x}`)].slice(0, 8)) log(`    ! ${p}`);
  const lost = account.lost + (alerted ? 0 : 1) + (breached ? 0 : 1) + problems.filter((p) => p.includes('refused')).length;
  return verdict(
    '6',
    'Durable Object restarted mid-conversation',
    { count: 3, lost, duplicates: Math.max(0, greetedAgain) + account.duplicates, serverErrors },
    [
      { what: 'stopped before the SLA alert was due', met: stoppedInTime },
      { what: `state survived: no second greeting (${greetedAgain})`, met: greetedAgain === 0 },
      { what: 'the next question answered', met: faqAfter },
      { what: `pending SLA alarms fired after the restart (alert ${alerted ? 'yes' : 'no'}, breach ${breached ? 'yes' : 'no'})`, met: alerted && breached },
      { what: `0 lost / 0 duplicate (${account.lost} / ${account.duplicates})`, met: account.lost === 0 && account.duplicates === 0 },
    ],
    `greeted once; SLA alert + breach delivered after the restart${queued.lost > 0 ? `; ${queued.lost} queued jobs of a conversation mid-flight dropped by the local queue` : ''}`,
  );
}
