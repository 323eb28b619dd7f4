import { dingtalkSign } from '@kefu/wire';
import type { ChannelConfig } from '../channels/index.ts';
import {
  CHARS,
  digestLines,
  digestTitle,
  escalationContent,
  firstThatFit,
  fitText,
  mentionedNames,
  omitted,
  resolveMentions,
  type EscalationContent,
  type Mentions,
} from '../content/index.ts';
import type { ChannelRequest, Escalation } from '../escalation/index.ts';
import { cutChars, inert, linkTarget } from '../text/index.ts';

/**
 * Size limits. DingTalk publishes none for the custom robot that we could find (UNCONFIRMED); these
 * are DingTalk's limits for group chat messages, errcode 34016 "markdown ≤ 5000, title ≤ 64"
 * (PARTIAL: CSDN copies of DingTalk's global error-code page, blog.csdn.net/weixin_40514790/article/details/104249446).
 */
const TEXT_MAX = 5000;
const TITLE_MAX = 64;
/** Where a digest line's shop/buyer may run long, it is cut so one line cannot crowd out the rest. */
const WHERE_MAX = 60;

type At = { atMobiles: string[]; atUserIds: string[]; isAtAll: false };

/**
 * The robot URL, signed when the channel has a secret (加签): `&timestamp=<ms>&sign=<urlencoded>`
 * (CONFIRMED: zhuifengshen/DingtalkChatbot@023a294c `dingtalkchatbot/chatbot.py` update_webhook;
 * protocols §6.1). The sign is base64, so `+ / =` must be percent-encoded exactly once.
 */
export function dingtalkUrl(channel: ChannelConfig, now: number): string {
  if (!channel.secret) return channel.url;
  const timestamp = Math.floor(now);
  const separator = channel.url.includes('?') ? '&' : '?';
  return `${channel.url}${separator}timestamp=${timestamp}&sign=${encodeURIComponent(dingtalkSign(channel.secret, timestamp))}`;
}

function post(channel: ChannelConfig, body: unknown, now: number): ChannelRequest {
  return { url: dingtalkUrl(channel, now), method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(body) };
}

/**
 * Who is @-ed and the text that must say so. An @ only notifies when the `@<mobile>` also appears
 * in the markdown text; the SDK appends it (CONFIRMED: DingtalkChatbot `send_markdown`, is_auto_at).
 * `atUserIds` with `@<userId>` in the text, for people known only by userId, is PARTIAL (protocols
 * §6.1 body shape; third-party clients).
 */
function atOf(m: Mentions): { at: At; text: string } | undefined {
  if (m.people.length === 0) return undefined;
  const atMobiles = m.people.flatMap((p) => (p.mobile ? [p.mobile] : []));
  const atUserIds = m.people.flatMap((p) => (!p.mobile && p.userId ? [p.userId] : []));
  return { at: { atMobiles, atUserIds, isAtAll: false }, text: [...atMobiles, ...atUserIds].map((id) => `@${id}`).join(' ') };
}

function unresolvedText(m: Mentions): string {
  return m.unresolved.map((name) => `@${inert(name)}`).join(' ');
}

function links(c: { claimUrl?: string; viewUrl?: string }): { title: string; actionURL: string }[] {
  return [
    ...(c.claimUrl ? [{ title: '认领', actionURL: c.claimUrl }] : []),
    ...(c.viewUrl ? [{ title: '查看', actionURL: c.viewUrl }] : []),
  ];
}

function head(c: EscalationContent): string {
  return [
    `### ${c.prefix}${inert(c.title)}`,
    c.facts.map((f) => `- **${f.label}**：${inert(f.value)}`).join('\n'),
    `**${c.reasonsHeading}**`,
    c.reasons.map((r) => `- ${inert(r)}`).join('\n'),
  ].join('\n\n');
}

/**
 * One escalation as an `actionCard` with 认领/查看 buttons, or, when someone is to be @-ed, as
 * `markdown` with `at` (an actionCard cannot @: CONFIRMED, DingtalkChatbot has no `at` on
 * ActionCard; protocols §6.1), the buttons then becoming markdown links.
 */
export function renderDingtalkEscalation(channel: ChannelConfig, e: Escalation, now: number, timeZone: string): ChannelRequest {
  const c = escalationContent(e, now, timeZone);
  const mentions = resolveMentions(channel, e.mention);
  const at = atOf(mentions);
  const buttons = links(c);
  const asCard = !at && buttons.length > 0;
  const linkLine = asCard ? '' : buttons.map((b) => `[${b.title}](${linkTarget(b.actionURL)})`).join('　');
  const tail = [linkLine, `###### ${inert(c.footer)}`, unresolvedText(mentions), at?.text ?? ''].filter((p) => p !== '').join('\n\n');
  const quotes = c.quotes.map((q) => `> ${q.speaker} ${q.clock}：${inert(q.text)}`);
  const text = fitText({ head: head(c), quoteHeading: '**最近消息**', quotes, quoteJoin: '\n\n', tail }, TEXT_MAX, CHARS);
  const title = cutChars(`${c.prefix}${inert(c.title)}`, TITLE_MAX);
  if (asCard) {
    const [only] = buttons;
    const card = buttons.length === 1 && only ? { singleTitle: only.title, singleURL: only.actionURL } : { btnOrientation: '1', btns: buttons };
    return post(channel, { msgtype: 'actionCard', actionCard: { title, text, ...card } }, now);
  }
  return post(channel, { msgtype: 'markdown', markdown: { title, text }, ...(at ? { at: at.at } : {}) }, now);
}

/** Several escalations in one `markdown` message, one line each with its 认领/查看 links. */
export function renderDingtalkDigest(channel: ChannelConfig, items: Escalation[], now: number, timeZone: string): ChannelRequest {
  const mentions = resolveMentions(channel, mentionedNames(items));
  const at = atOf(mentions);
  const lines = digestLines(items, now, timeZone).map((l, i) => {
    const deadline = l.deadline ? ` · 时限 ${l.deadline}` : '';
    const link = links(l).map((b) => ` [${b.title}](${linkTarget(b.actionURL)})`).join('');
    return `${i + 1}. **${l.badge}** ${inert(cutChars(l.where, WHERE_MAX))} · ${inert(l.reason)}${deadline}${link}`;
  });
  const heading = `### ${digestTitle(items.length)}`;
  const tail = [unresolvedText(mentions), at?.text ?? ''].filter((p) => p !== '');
  const build = (kept: string[]) => [heading, kept.join('\n'), omitted(lines.length - kept.length), ...tail].filter((p) => p !== '').join('\n\n');
  const text = CHARS.cut(build(firstThatFit(lines, (kept) => build(kept).length <= TEXT_MAX)), TEXT_MAX);
  return post(channel, { msgtype: 'markdown', markdown: { title: digestTitle(items.length), text }, ...(at ? { at: at.at } : {}) }, now);
}
