import { maskPii, type Action, type InboundEvent, type MetricsRound } from '@kefu/core';
import type { Envelope, SendBudget } from '../adapter/adapter.ts';
import type { ActionRow, OutboundJob, TeamNotice } from '../outbound/job.ts';
import { TRANSCRIPT_LINES, type StoredConversation } from './stored.ts';

/**
 * Turn one decision into outbound jobs and the next stored conversation: the reply sends (within
 * the platform's send budget), the team notices with a masked transcript, and the log rows.
 * No I/O: the Durable Object writes the result in the same transaction as the decision.
 */
export function planJobs(envelope: Envelope, actions: Action[], stored: StoredConversation, budget: SendBudget | undefined, now: number, round?: MetricsRound): { jobs: OutboundJob[]; next: StoredConversation } {
  const { event } = envelope;
  const ref = { platform: event.platform, shopId: event.shopId, buyerId: event.buyerId };
  const next: StoredConversation = { ...stored, ref, channel: { ...stored.channel, ...envelope.channel }, transcript: [...stored.transcript], budget: { ...stored.budget } };
  const text = 'text' in event ? maskPii(event.text) : null;
  if (event.kind === 'buyer_message') next.budget = { since: event.at, sent: 0 };
  if (text !== null) next.transcript.push({ from: event.kind === 'agent_message' ? 'agent' : 'buyer', text, at: event.at });
  // A person replied or the conversation closed: the open escalation is done. (A claim keeps it open:
  // SLA alerts still concern the person who claimed it, as updates, until they reply.)
  const closedEscalation = event.kind === 'agent_message' || event.kind === 'conversation_closed' ? next.escalation?.id : undefined;
  if (closedEscalation) delete next.escalation;

  const jobs: OutboundJob[] = [];
  const rows: ActionRow[] = [];
  for (const action of actions) {
    const row = (reason: { code: string; detail: string }, detail: unknown): ActionRow => ({ actionId: action.id, eventId: event.id, conversation: ref, kind: action.kind, reason, detail: JSON.stringify(detail), at: now });
    if (action.kind === 'reply') {
      const exempt = !!budget?.exempt && action.script === budget.exempt.script && !!envelope.channel?.[budget.exempt.channelKey];
      const refusal = exempt ? undefined : budgetRefusal(next.budget, budget, now);
      if (refusal) {
        rows.push(row({ code: 'send.budget', detail: refusal }, { ruleId: action.ruleId, withheld: maskPii(action.text) }));
        continue;
      }
      if (!exempt) next.budget.sent += 1;
      next.transcript.push({ from: 'bot', text: maskPii(action.text), at: now });
      jobs.push({ kind: 'send', id: action.id, reply: { actionId: action.id, ...ref, text: action.text, channel: next.channel, script: action.script } });
      rows.push(row(action.reason, { ruleId: action.ruleId, script: action.script, score: action.score, text: maskPii(action.text) }));
    } else if (action.kind === 'escalate') {
      next.escalation = next.escalation ? { id: next.escalation.id, updates: next.escalation.updates + 1 } : { id: action.id, updates: 0 };
      const notice: TeamNotice = { conversation: ref, escalationId: next.escalation.id, update: next.escalation.updates, severity: action.severity, title: titleOf(action), reasons: action.reasons, ...(action.deadline ? { deadline: action.deadline } : {}), transcript: next.transcript.slice(-TRANSCRIPT_LINES) };
      jobs.push({ kind: 'notify', id: action.id, notice });
      rows.push(row(action.reasons[0] ?? { code: 'escalate', detail: '' }, { severity: action.severity, reasons: action.reasons, deadline: action.deadline }));
    } else if (action.kind === 'schedule') {
      rows.push(row(action.reason, { at: action.at, purpose: action.purpose }));
    } else if (action.kind === 'handoff') {
      rows.push(row(action.reason, { suggestion: action.suggestion }));
    } else {
      rows.push(row(action.reason, action.data ?? {}));
    }
  }
  next.transcript = next.transcript.slice(-TRANSCRIPT_LINES);
  jobs.push({ kind: 'log', id: `log:${event.id}`, event: { eventId: event.id, conversation: ref, kind: eventKind(event), text, at: event.at }, actions: rows, ...(round ? { rounds: [round] } : {}), ...(closedEscalation ? { closedEscalation } : {}) });
  return { jobs, next };
}

/** Why the platform's budget forbids another bot message now, if it does. */
function budgetRefusal(state: StoredConversation['budget'], budget: SendBudget | undefined, now: number): string | undefined {
  if (!budget) return undefined;
  if (now - state.since > budget.windowMs) return `the ${Math.round(budget.windowMs / 3_600_000)} h window since the buyer's last message has closed`;
  if (state.sent >= budget.max - budget.keepForHuman) return `${state.sent} of ${budget.max} messages used; the last ${budget.keepForHuman} stay for a person`;
  return undefined;
}

function titleOf(action: Extract<Action, { kind: 'escalate' }>): string {
  const code = action.reasons[0]?.code ?? '';
  if (code.startsWith('sla.')) return code === 'sla.breach' ? '人工回复已超时' : '人工回复即将超时';
  if (code.startsWith('complaint')) return '买家投诉/差评风险';
  return '需要人工处理';
}

function eventKind(event: InboundEvent): string {
  return event.kind === 'order' ? `order.${event.status}` : event.kind === 'timer' ? `timer.${event.purpose}` : event.kind;
}
