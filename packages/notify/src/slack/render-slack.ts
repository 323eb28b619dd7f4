import type { ChannelConfig } from '../channels/index.ts';
import { CHARS, digestLines, digestTitle, escalationContent, mentionedNames, newestThatFit, omitted, resolveMentions, type Mentions } from '../content/index.ts';
import type { ChannelRequest, Escalation } from '../escalation/index.ts';
import { cutChars, oneLine, slackEscape } from '../text/index.ts';

/**
 * Block Kit limits (PARTIAL: as the Slack reference states them, quoted by third-party builders,
 * e.g. docs.rs slack-blocks `section::Contents`, slack-messaging `Header`, slackblocks `LIMITS`):
 * header 150, section text 3000, ≤ 10 fields of 2000, button text 75, value 2000, url 3000,
 * ≤ 50 blocks per message. The top-level `text` is only the notification fallback: we keep it short.
 */
export const SLACK_LIMITS = { header: 150, sectionText: 3000, field: 2000, fields: 10, buttonValue: 2000, url: 3000, blocks: 50, fallback: 3000 } as const;

/** The action_id our interactivity endpoint treats as 认领 (see `parseSlackAction`). */
export const CLAIM_ACTION_ID = 'claim';

type Text = { type: 'plain_text' | 'mrkdwn'; text: string; emoji?: boolean };
type Button = { type: 'button'; action_id: string; text: Text; value?: string; url?: string; style?: 'primary' };
type Block =
  | { type: 'header'; text: Text }
  | { type: 'section'; text?: Text; fields?: Text[]; accessory?: Button }
  | { type: 'context'; elements: Text[] }
  | { type: 'actions'; elements: Button[] };

const mrkdwn = (text: string, max: number = SLACK_LIMITS.sectionText): Text => ({ type: 'mrkdwn', text: CHARS.cut(text, max) });
const section = (text: string): Block => ({ type: 'section', text: mrkdwn(text) });
const context = (text: string): Block => ({ type: 'context', elements: [mrkdwn(text)] });
const header = (text: string): Block => ({ type: 'header', text: { type: 'plain_text', text: cutChars(oneLine(text), SLACK_LIMITS.header), emoji: true } });

/**
 * The 认领 button: Slack posts a block_actions payload with this action_id and value to the app's
 * interactivity URL (CONFIRMED button shape: protocols §6.4). The value is the escalation id,
 * never cut: a cut id could claim nothing, so an over-long id fails loudly at Slack instead.
 */
const claimButton = (id: string): Button => ({ type: 'button', action_id: CLAIM_ACTION_ID, text: { type: 'plain_text', text: '认领' }, value: id, style: 'primary' });
const viewButton = (url: string): Button => ({ type: 'button', action_id: 'view', text: { type: 'plain_text', text: '查看' }, url });

/** `<@U…>` for people with a userId (CONFIRMED syntax: api.slack.com/reference/surfaces/formatting); others by name. */
function mentionText(m: Mentions): string {
  return [...m.people.map((p) => (p.userId ? `<@${p.userId}>` : `@${slackEscape(p.name)}`)), ...m.unresolved.map((n) => `@${slackEscape(n)}`)].join(' ');
}

function post(channel: ChannelConfig, fallback: string, blocks: Block[]): ChannelRequest {
  const body = { text: CHARS.cut(fallback, SLACK_LIMITS.fallback), blocks: blocks.slice(0, SLACK_LIMITS.blocks) };
  return { url: channel.url, method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(body) };
}

/** One escalation: header, facts as fields, signals, the newest messages within one section, 认领/查看. */
export function renderSlackEscalation(channel: ChannelConfig, e: Escalation, now: number, timeZone: string): ChannelRequest {
  const c = escalationContent(e, now, timeZone);
  const mentions = mentionText(resolveMentions(channel, e.mention));
  const quotes = c.quotes.map((q) => `>${q.speaker} ${q.clock}：${slackEscape(oneLine(q.text))}`);
  const quoted = (kept: string[]) => ['*最近消息*', ...kept].join('\n');
  const kept = newestThatFit(quotes, (k) => quoted(k).length <= SLACK_LIMITS.sectionText);
  const blocks: Block[] = [
    header(`${c.prefix}${c.title}`),
    ...(mentions ? [section(`提醒 ${mentions}`)] : []),
    { type: 'section', fields: c.facts.slice(0, SLACK_LIMITS.fields).map((f) => mrkdwn(`*${f.label}*\n${slackEscape(oneLine(f.value))}`, SLACK_LIMITS.field)) },
    section(`*${c.reasonsHeading}*\n${c.reasons.map((r) => `• ${slackEscape(oneLine(r))}`).join('\n')}`),
    ...(kept.length > 0 ? [section(quoted(kept))] : []),
    context(slackEscape(c.footer)),
    { type: 'actions', elements: [claimButton(e.id), ...(c.viewUrl ? [viewButton(cutChars(c.viewUrl, SLACK_LIMITS.url, ''))] : [])] },
  ];
  return post(channel, [`${c.prefix}${slackEscape(oneLine(c.title))}`, mentions].filter((p) => p !== '').join(' '), blocks);
}

/** Several escalations: one section per escalation with its own 认领 button, within Slack's 50 blocks. */
export function renderSlackDigest(channel: ChannelConfig, items: Escalation[], now: number, timeZone: string): ChannelRequest {
  const mentions = mentionText(resolveMentions(channel, mentionedNames(items)));
  const lines = digestLines(items, now, timeZone);
  // Header, the mention section and the "另有 N 条" context take blocks of their own.
  const room = SLACK_LIMITS.blocks - 1 - (mentions ? 1 : 0) - 1;
  const shown = lines.length > room + 1 ? lines.slice(0, room) : lines;
  const blocks: Block[] = [
    header(digestTitle(items.length)),
    ...(mentions ? [section(`提醒 ${mentions}`)] : []),
    ...shown.map((l): Block => {
      const deadline = l.deadline ? ` · 时限 ${l.deadline}` : '';
      const view = l.viewUrl ? ` <${cutChars(l.viewUrl, SLACK_LIMITS.url, '')}|查看>` : '';
      return { type: 'section', text: mrkdwn(`*${l.badge}* ${slackEscape(oneLine(l.where))} · ${slackEscape(oneLine(l.reason))}${deadline}${view}`), accessory: claimButton(l.id) };
    }),
    ...(shown.length < lines.length ? [context(omitted(lines.length - shown.length))] : []),
  ];
  return post(channel, [digestTitle(items.length), mentions].filter((p) => p !== '').join(' '), blocks);
}
