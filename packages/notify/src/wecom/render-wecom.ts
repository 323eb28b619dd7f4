import type { ChannelConfig } from '../channels/index.ts';
import {
  BYTES,
  digestLines,
  digestTitle,
  escalationContent,
  firstThatFit,
  fitText,
  mentionedNames,
  omitted,
  resolveMentions,
  type DigestLine,
  type EscalationContent,
  type Mentions,
} from '../content/index.ts';
import type { ChannelRequest, Escalation } from '../escalation/index.ts';
import { cutChars, inert, linkTarget, oneLine } from '../text/index.ts';

/** `markdown.content` ≤ 4096 bytes, `text.content` ≤ 2048 bytes (CONFIRMED: silenceper/wechat@17970418 `work/robot/send_option.go`; protocols §6.3). */
export const WECOM_MARKDOWN_MAX = 4096;
export const WECOM_TEXT_MAX = 2048;
const WHERE_MAX = 60;

/**
 * Markdown or text. Markdown @s by `<@userid>` only (PARTIAL: protocols §6.3); a person we know
 * only by mobile can be @-ed solely through `text.mentioned_mobile_list` (CONFIRMED: send_option.go).
 * We keep to ONE request per escalation, so when anyone to @ has no userId the whole message goes
 * as plain text with `mentioned_list` + `mentioned_mobile_list`: formatting is lost, the ping is not.
 */
type Style = { kind: 'markdown' } | { kind: 'text'; userIds: string[]; mobiles: string[] };

function styleOf(m: Mentions): Style {
  if (m.people.every((p) => p.userId)) return { kind: 'markdown' };
  return {
    kind: 'text',
    userIds: m.people.flatMap((p) => (p.userId ? [p.userId] : [])),
    mobiles: m.people.flatMap((p) => (!p.userId && p.mobile ? [p.mobile] : [])),
  };
}

function post(channel: ChannelConfig, style: Style, content: string): ChannelRequest {
  const body =
    style.kind === 'markdown'
      ? { msgtype: 'markdown', markdown: { content } }
      : { msgtype: 'text', text: { content, mentioned_list: style.userIds, mentioned_mobile_list: style.mobiles } };
  return { url: channel.url, method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(body) };
}

/** Markdown @s plus names we cannot @; in text mode the lists do the @-ing and only names remain. */
function mentionText(m: Mentions, style: Style): string {
  const real = style.kind === 'markdown' ? m.people.map((p) => `<@${p.userId ?? ''}>`) : [];
  return [...real, ...m.unresolved.map((name) => `@${inert(name)}`)].join(' ');
}

function linkLines(c: { claimUrl?: string; viewUrl?: string }, style: Style): string {
  const links = [...(c.claimUrl ? [['认领', c.claimUrl] as const] : []), ...(c.viewUrl ? [['查看', c.viewUrl] as const] : [])];
  return style.kind === 'markdown' ? links.map(([t, u]) => `[${t}](${linkTarget(u)})`).join('　') : links.map(([t, u]) => `${t}：${u}`).join('\n');
}

function head(c: EscalationContent, style: Style): string {
  if (style.kind === 'text') {
    return [`${c.prefix}${oneLine(c.title)}`, c.facts.map((f) => `${f.label}：${oneLine(f.value)}`).join('\n'), `${c.reasonsHeading}：\n${c.reasons.map((r) => `- ${oneLine(r)}`).join('\n')}`].join('\n\n');
  }
  // `<font color="warning">` is WeCom markdown's orange-red (PARTIAL: third-party copy of the robot doc, docs.zhuonian.xyz/api/wecom-webhook.html).
  const facts = c.facts.map((f) => (f.label === '级别' ? `> ${f.label}：<font color="warning">${inert(f.value)}</font>` : `> ${f.label}：${inert(f.value)}`));
  return [`**${c.prefix}${inert(c.title)}**`, facts.join('\n'), `**${c.reasonsHeading}**\n${c.reasons.map((r) => `- ${inert(r)}`).join('\n')}`].join('\n\n');
}

/** One escalation as group-robot markdown (or text, see Style), within WeCom's byte limits. */
export function renderWecomEscalation(channel: ChannelConfig, e: Escalation, now: number, timeZone: string): ChannelRequest {
  const c = escalationContent(e, now, timeZone);
  const mentions = resolveMentions(channel, e.mention);
  const style = styleOf(mentions);
  const md = style.kind === 'markdown';
  const tail = [linkLines(c, style), md ? inert(c.footer) : c.footer, mentionText(mentions, style)].filter((p) => p !== '').join('\n');
  const quotes = c.quotes.map((q) => (md ? `> ${q.speaker} ${q.clock}：${inert(q.text)}` : `${q.speaker} ${q.clock}：${oneLine(q.text)}`));
  const content = fitText(
    { head: head(c, style), quoteHeading: md ? '**最近消息**' : '最近消息：', quotes, quoteJoin: '\n', tail },
    md ? WECOM_MARKDOWN_MAX : WECOM_TEXT_MAX,
    BYTES,
  );
  return post(channel, style, content);
}

function digestLine(l: DigestLine, i: number, style: Style): string {
  const deadline = l.deadline ? ` · 时限 ${l.deadline}` : '';
  const where = cutChars(l.where, WHERE_MAX);
  if (style.kind === 'text') return `${i + 1}. ${l.badge} ${oneLine(where)} · ${oneLine(l.reason)}${deadline}${l.claimUrl ? `\n认领：${l.claimUrl}` : ''}`;
  const links = linkLines(l, style);
  return `${i + 1}. **${l.badge}** ${inert(where)} · ${inert(l.reason)}${deadline}${links ? ` ${links}` : ''}`;
}

/** Several escalations in one message, most urgent first; what does not fit is counted, not cut mid-line. */
export function renderWecomDigest(channel: ChannelConfig, items: Escalation[], now: number, timeZone: string): ChannelRequest {
  const mentions = resolveMentions(channel, mentionedNames(items));
  const style = styleOf(mentions);
  const max = style.kind === 'markdown' ? WECOM_MARKDOWN_MAX : WECOM_TEXT_MAX;
  const lines = digestLines(items, now, timeZone).map((l, i) => digestLine(l, i, style));
  const heading = style.kind === 'markdown' ? `**${digestTitle(items.length)}**` : digestTitle(items.length);
  const build = (kept: string[]) => [heading, kept.join('\n'), omitted(lines.length - kept.length), mentionText(mentions, style)].filter((p) => p !== '').join('\n\n');
  return post(channel, style, BYTES.cut(build(firstThatFit(lines, (k) => BYTES.size(build(k)) <= max)), max));
}
