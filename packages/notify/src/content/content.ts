import type { Escalation, Severity } from '../escalation/index.ts';
import { clock, cutChars, formatDeadline } from '../text/index.ts';
import { byUrgency, platformLabel, SEVERITY_LABEL, shopLabel, SPEAKER_LABEL } from './labels.ts';

/** How much of each quoted message a card shows: the team opens the conversation for the rest. */
export const QUOTE_CHARS = 200;
/** At most this many recent messages are quoted; fewer when a platform's size limit says so. */
export const QUOTE_LINES = 8;

/** A label (ours, trusted) and a value (may carry buyer or shop text: each renderer escapes it). */
export type Fact = { label: string; value: string };
export type Quote = { speaker: string; clock: string; text: string };

/** What one escalation message says, before any platform's syntax. */
export type EscalationContent = {
  /** `【紧急】` on a first notice, `【更新】` on an update to the same open escalation. */
  prefix: string;
  title: string;
  severity: Severity;
  facts: Fact[];
  /** `触发信号` on a first notice, `新信号` on an update. */
  reasonsHeading: string;
  reasons: string[];
  /** Oldest first, each cut to QUOTE_CHARS; empty on an update (it is compact). */
  quotes: Quote[];
  claimUrl?: string;
  viewUrl?: string;
  /** Trusted reference line: which escalation, which update. */
  footer: string;
};

export function escalationContent(e: Escalation, now: number, timeZone: string): EscalationContent {
  const isUpdate = e.update > 0;
  const deadline: Fact[] = e.deadline === undefined ? [] : [{ label: '回复时限', value: formatDeadline(e.deadline, now, timeZone) }];
  const where = isUpdate
    ? [{ label: '会话', value: `${platformLabel(e.platform)} · ${shopLabel(e)} · ${e.buyer}` }]
    : [
        { label: '平台', value: platformLabel(e.platform) },
        { label: '店铺', value: shopLabel(e) },
        { label: '买家', value: e.buyer },
      ];
  return {
    prefix: isUpdate ? '【更新】' : `【${SEVERITY_LABEL[e.severity]}】`,
    title: e.title,
    severity: e.severity,
    facts: [{ label: '级别', value: SEVERITY_LABEL[e.severity] }, ...where, ...deadline],
    reasonsHeading: isUpdate ? '新信号' : '触发信号',
    reasons: e.reasons.map((r) => `${r.detail}（${r.code}）`),
    quotes: isUpdate
      ? []
      : e.transcript.slice(-QUOTE_LINES).map((m) => ({ speaker: SPEAKER_LABEL[m.from], clock: clock(m.at, timeZone), text: cutChars(m.text, QUOTE_CHARS) })),
    ...(e.claimUrl === undefined ? {} : { claimUrl: e.claimUrl }),
    ...(e.conversationUrl === undefined ? {} : { viewUrl: e.conversationUrl }),
    footer: isUpdate ? `升级 ${e.id} · 第 ${e.update} 次更新` : `升级 ${e.id}`,
  };
}

/** One escalation in a digest: a single line, plus its links. */
export type DigestLine = {
  id: string;
  severity: Severity;
  /** `[紧急]`: trusted. */
  badge: string;
  /** Platform / shop / buyer: untrusted. */
  where: string;
  /** The first signal's detail: untrusted. */
  reason: string;
  /** `11-23 14:05:30（还剩 80 秒）`, when there is a deadline: trusted. */
  deadline?: string;
  claimUrl?: string;
  viewUrl?: string;
};

/** The digest heading: how many escalations the team has to look at. */
export function digestTitle(count: number): string {
  return `【汇总】${count} 条升级待处理`;
}

/** Digest lines, most urgent first, so the ones a size limit drops are the least urgent. */
export function digestLines(items: readonly Escalation[], now: number, timeZone: string): DigestLine[] {
  return byUrgency(items).map((e) => ({
    id: e.id,
    severity: e.severity,
    badge: `[${SEVERITY_LABEL[e.severity]}]`,
    where: `${platformLabel(e.platform)}/${shopLabel(e)}/${e.buyer}`,
    reason: cutChars(e.reasons[0]?.detail ?? '—', QUOTE_CHARS),
    ...(e.deadline === undefined ? {} : { deadline: formatDeadline(e.deadline, now, timeZone) }),
    ...(e.claimUrl === undefined ? {} : { claimUrl: e.claimUrl }),
    ...(e.conversationUrl === undefined ? {} : { viewUrl: e.conversationUrl }),
  }));
}

/** `…另有 3 条未列出` when a limit dropped some lines; empty otherwise. */
export function omitted(count: number): string {
  return count > 0 ? `…另有 ${count} 条未列出` : '';
}
