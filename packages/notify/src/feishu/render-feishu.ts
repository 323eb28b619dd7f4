import { feishuSign } from '@kefu/wire';
import type { ChannelConfig } from '../channels/index.ts';
import {
  digestLines,
  digestTitle,
  escalationContent,
  firstThatFit,
  mentionedNames,
  newestThatFit,
  omitted,
  resolveMentions,
  type Mentions,
} from '../content/index.ts';
import type { ChannelRequest, Escalation, Severity } from '../escalation/index.ts';
import { byteLength, cutBytes, cutChars, inert, linkTarget } from '../text/index.ts';

/** The request body may not exceed 20 KB (CONFIRMED: open.larkoffice.com/document/ukTMukTMukTM/ucTM5YjL3ETO24yNxkjN). */
export const FEISHU_BODY_MAX = 20_000;
/** Header titles are short on every client; Feishu's own limit is UNCONFIRMED. */
const TITLE_MAX = 100;
const WHERE_MAX = 60;

/** Header colour by severity; `red`/`orange`/`yellow`/`blue` are card-1.0 templates (PARTIAL: protocols §6.2, electricbubble/feishu-bot-api). */
const TEMPLATE: Record<Severity, string> = { critical: 'red', high: 'orange', medium: 'yellow', low: 'blue' };

type Button = { tag: 'button'; text: { tag: 'plain_text'; content: string }; type: 'primary' | 'default'; url: string };
type Element = { tag: 'div'; text: { tag: 'lark_md'; content: string } } | { tag: 'hr' } | { tag: 'action'; actions: Button[] };

/**
 * `<at id=userId></at>` @s a person inside lark_md (PARTIAL: Feishu bot FAQ as copied at
 * apifox.com/apidoc/docs-site/532425/doc-1944903). A card cannot @ by mobile, so people without a
 * userId are named as plain `@name`.
 */
function atLine(m: Mentions): string {
  const real = m.people.flatMap((p) => (p.userId ? [`<at id=${p.userId}></at>`] : []));
  const named = [...m.people.filter((p) => !p.userId).map((p) => p.name), ...m.unresolved].map((name) => `@${inert(name)}`);
  return [...real, ...named].join(' ');
}

function buttons(c: { claimUrl?: string; viewUrl?: string }): Button[] {
  return [
    ...(c.claimUrl ? [button('认领', 'primary', c.claimUrl)] : []),
    ...(c.viewUrl ? [button('查看', 'default', c.viewUrl)] : []),
  ];
}

function button(content: string, type: Button['type'], url: string): Button {
  return { tag: 'button', text: { tag: 'plain_text', content }, type, url };
}

const div = (content: string): Element => ({ tag: 'div', text: { tag: 'lark_md', content } });

/**
 * The signed envelope. `timestamp` is seconds as a string and `sign` is keyed by
 * `${timestamp}\n${secret}` (CONFIRMED: electricbubble/feishu-bot-api `api.go` genSign; protocols
 * §6.2); `card` sits at the top level, not in `content` (CONFIRMED: `msg_card.go`).
 */
function post(channel: ChannelConfig, now: number, title: string, severity: Severity, elements: Element[]): ChannelRequest {
  const timestamp = Math.floor(now / 1000);
  const signed = channel.secret ? { timestamp: String(timestamp), sign: feishuSign(channel.secret, timestamp) } : {};
  const card = { config: { wide_screen_mode: true }, header: { title: { tag: 'plain_text', content: cutChars(title, TITLE_MAX) }, template: TEMPLATE[severity] }, elements };
  return { url: channel.url, method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify({ ...signed, msg_type: 'interactive', card }) };
}

/** Cuts `text` until `render(text)` fits the body limit (JSON escaping can only add bytes, so each pass gains). */
function shrink(text: string, render: (text: string) => ChannelRequest): ChannelRequest {
  let request = render(text);
  while (byteLength(request.body) > FEISHU_BODY_MAX && text !== '') {
    text = cutBytes(text, byteLength(text) - (byteLength(request.body) - FEISHU_BODY_MAX) - 16);
    request = render(text);
  }
  return request;
}

/** One escalation as an interactive card: facts and signals, the newest messages that fit 20 KB, 认领/查看 URL buttons. */
export function renderFeishuEscalation(channel: ChannelConfig, e: Escalation, now: number, timeZone: string): ChannelRequest {
  const c = escalationContent(e, now, timeZone);
  const mentions = atLine(resolveMentions(channel, e.mention));
  const main = [
    ...(mentions ? [mentions] : []),
    c.facts.map((f) => `**${f.label}**：${inert(f.value)}`).join('\n'),
    `**${c.reasonsHeading}**\n${c.reasons.map((r) => `- ${inert(r)}`).join('\n')}`,
  ].join('\n\n');
  const quotes = c.quotes.map((q) => `**${q.speaker}** ${q.clock}：${inert(q.text)}`);
  const actions = buttons(c);
  const render = (head: string, kept: string[]) =>
    post(channel, now, `${c.prefix}${inert(c.title)}`, c.severity, [
      div(head),
      ...(kept.length > 0 ? [{ tag: 'hr' } as const, div(`**最近消息**\n${kept.join('\n')}`)] : []),
      div(inert(c.footer)),
      ...(actions.length > 0 ? [{ tag: 'action', actions } as const] : []),
    ]);
  const kept = newestThatFit(quotes, (k) => byteLength(render(main, k).body) <= FEISHU_BODY_MAX);
  return kept.length > 0 ? render(main, kept) : shrink(main, (head) => render(head, []));
}

/** Several escalations in one card, one lark_md line each with its 认领/查看 links. */
export function renderFeishuDigest(channel: ChannelConfig, items: Escalation[], now: number, timeZone: string): ChannelRequest {
  const mentions = atLine(resolveMentions(channel, mentionedNames(items)));
  const lines = digestLines(items, now, timeZone);
  const top = lines[0]?.severity ?? 'low';
  const text = lines.map((l, i) => {
    const deadline = l.deadline ? ` · 时限 ${l.deadline}` : '';
    const link = [...(l.claimUrl ? [`[认领](${linkTarget(l.claimUrl)})`] : []), ...(l.viewUrl ? [`[查看](${linkTarget(l.viewUrl)})`] : [])].join(' ');
    return `${i + 1}. **${l.badge}** ${inert(cutChars(l.where, WHERE_MAX))} · ${inert(l.reason)}${deadline} ${link}`.trimEnd();
  });
  const render = (kept: string[]) =>
    post(channel, now, digestTitle(items.length), top, [div([mentions, kept.join('\n'), omitted(lines.length - kept.length)].filter((p) => p !== '').join('\n\n'))]);
  const kept = firstThatFit(text, (k) => byteLength(render(k).body) <= FEISHU_BODY_MAX);
  return kept.length > 0 ? render(kept) : shrink(text.join('\n'), (t) => post(channel, now, digestTitle(items.length), top, [div(t)]));
}
