import { renderOpening, type Action } from '@kefu/core';
import { formatAction } from '../format/actions.ts';
import type { ChatSession, Step, Trigger } from './session.ts';
import { formatDateTime, formatDuration, formatTime } from './time.ts';

/** Terminal styling: ANSI on a TTY, plain text when piped (tests, logs, `| tee`). */
export type Paint = { bold: (s: string) => string; dim: (s: string) => string };

export const PLAIN: Paint = { bold: (s) => s, dim: (s) => s };
export const ANSI: Paint = { bold: (s) => `\x1b[1m${s}\x1b[22m`, dim: (s) => `\x1b[2m${s}\x1b[22m` };

const INDENT = '   ';

/** "open until 23:00" / "closed, reopens 明天 09:00" at `at`, from the shop's business hours. */
export function hoursNote(session: ChatSession, at: number): string {
  const { calendar } = session.engine;
  const span = calendar.openSpan(at);
  if (span) return `open until ${formatTime(span.end, session.timeZone, at).replace(/:00$/, '')}`;
  const opening = calendar.nextOpening(at);
  return `closed, reopens ${opening === undefined ? 'not within 62 days' : renderOpening(opening, at, session.timeZone)}`;
}

/** The first lines: what is being simulated, the clock, the hours and the platform's SLA. */
export function renderHeader(session: ChatSession, rulesFrom: string, paint: Paint): string[] {
  const now = session.clock.now();
  const sla = session.engine.rules.sla[session.platform];
  const measured = sla.serviceHours ? `, measured ${sla.serviceHours.start}–${sla.serviceHours.end}` : '';
  return [
    paint.bold(`cs chat · ${session.platform} · shop ${session.shopId} · rules ${rulesFrom}`),
    `🕒 ${formatDateTime(now, session.timeZone)} (${session.timeZone}) · ${hoursNote(session, now)}`,
    `⏱  ${session.platform} SLA: a person replies within ${formatDuration(sla.replyWithinSeconds * 1000)}, team alerted at ${formatDuration(sla.alertAfterSeconds * 1000)}${measured}`,
    `🧑 ${session.buyer}${session.returning ? ' (returning)' : ''} · type as the buyer; /help for commands`,
  ];
}

/** The clock line, after `/wait` or `/at`. */
export function renderClock(session: ChatSession): string {
  const now = session.clock.now();
  const next = session.timers[0];
  const pending = next ? `next timer ${next.purpose} in ${formatDuration(next.at - now)}` : 'no timers pending';
  return `🕒 ${formatDateTime(now, session.timeZone)} · ${hoursNote(session, now)} · ${pending}`;
}

function describe(trigger: Trigger): string {
  switch (trigger.kind) {
    case 'buyer':
      return `🧑 ${trigger.buyer}: ${trigger.text}`;
    case 'agent':
      return `👩‍💼 agent → ${trigger.buyer}: ${trigger.text}`;
    case 'timer':
      return `⏰ timer ${trigger.purpose} fires (ref ${trigger.ref})`;
  }
}

/** One action and why, with times in the shop's zone relative to `now`. */
export function renderAction(action: Action, now: number, timeZone: string, paint: Paint): string[] {
  switch (action.kind) {
    case 'schedule':
      return [`⏰ schedule ${action.purpose} at ${formatTime(action.at, timeZone, now)} (in ${formatDuration(action.at - now)})`, paint.dim(`     why: ${action.reason.detail}`)];
    case 'escalate': {
      const deadline = action.deadline === undefined ? '' : ` · deadline ${formatTime(action.deadline, timeZone, now)} (in ${formatDuration(action.deadline - now)})`;
      // One line per reason: each complaint signal with the words that fired it.
      return [`🚨 escalate ${action.severity}${deadline}`, ...action.reasons.map((r) => `     ${r.code}  ${r.detail}`)];
    }
    case 'log': {
      const data = action.data ? ` {${Object.entries(action.data).map(([k, v]) => `${k}: ${v}`).join(', ')}}` : '';
      return [paint.dim(`· ${action.reason.code}: ${action.reason.detail}${data}`)];
    }
    case 'reply':
    case 'handoff': {
      const [first = '', ...rest] = formatAction(action, timeZone).split('\n');
      return [first, ...rest.map(paint.dim)];
    }
  }
}

/** The decisions, each under a line saying when and what triggered it. */
export function renderSteps(steps: readonly Step[], timeZone: string, paint: Paint): string[] {
  const lines: string[] = [];
  for (const step of steps) {
    lines.push(paint.bold(`[${formatTime(step.at, timeZone)}] ${describe(step.trigger)}`));
    if (step.actions.length === 0) lines.push(`${INDENT}(nothing to do)`);
    for (const action of step.actions) lines.push(...renderAction(action, step.at, timeZone, paint).map((l) => INDENT + l));
  }
  return lines;
}

/** `/state`: what the engine remembers about this conversation, and what is pending. */
export function renderState(session: ChatSession): string[] {
  const now = session.clock.now();
  const zone = session.timeZone;
  const at = (t: number): string => formatTime(t, zone, now);
  const s = session.state;
  const lines = [`🕒 ${formatDateTime(now, zone)} · ${hoursNote(session, now)}`];
  lines.push(`🧑 ${session.buyer} · ${s.buyerMessages} message(s) · ${s.returning || session.returning ? 'returning' : 'first contact'}${s.lastBuyerAt === undefined ? '' : ` · last at ${at(s.lastBuyerAt)}`}`);
  lines.push(`   greeting: ${s.greetedAt === undefined ? 'not sent' : `sent ${at(s.greetedAt)}`} · away notice: ${s.awayUntil === undefined ? 'not sent' : `sent for the off-period until ${at(s.awayUntil)}`}`);
  const quiet = s.humanActiveUntil !== undefined && s.humanActiveUntil > now;
  lines.push(`   person handling: ${quiet ? `yes, bot silent until ${at(s.humanActiveUntil ?? now)}` : 'no, bot answers'}`);
  lines.push(
    s.round
      ? `   SLA round: open since ${at(s.round.startedAt)} (${s.round.reason}), deadline ${at(s.round.deadline)} (${s.round.deadline > now ? `in ${formatDuration(s.round.deadline - now)}` : `passed ${formatDuration(now - s.round.deadline)} ago`})`
      : '   SLA round: none open',
  );
  lines.push(session.timers.length === 0 ? '   timers: none pending' : `   timers: ${session.timers.map((t) => `${t.purpose} at ${at(t.at)} (in ${formatDuration(t.at - now)})`).join(', ')}`);
  if (s.answers.length > 0) lines.push(`   FAQ answered: ${s.answers.map((a) => `${a.ruleId} ${at(a.at)}`).join(', ')}`);
  if (s.complaints.length > 0) lines.push(`   complaint scores: ${s.complaints.map((c) => `${c.score} at ${at(c.at)}`).join(', ')}`);
  return lines;
}
