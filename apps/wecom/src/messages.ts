import type { Envelope } from '@kefu/runtime';

/** What one `sync_msg` item becomes. */
export type Mapped =
  /** An event for a conversation. */
  | { kind: 'envelope'; envelope: Envelope }
  /** Nothing to act on; `what` is counted and logged (never buyer text). */
  | { kind: 'ignored'; what: string };

/** Who sent an item (`origin`, protocols §5.4, CONFIRMED in silenceper `work/kf/syncmsg/message.go`). */
const ORIGIN = { customer: 3, event: 4, servicer: 5 } as const;

/**
 * What stands in for a message without text. The core's FAQ matcher finds nothing in it, so it
 * hands the conversation to a person (the holding script, no guess at what a photo says).
 */
export const PLACEHOLDERS: Readonly<Record<string, string>> = {
  image: '[图片]',
  voice: '[语音]',
  video: '[视频]',
  file: '[文件]',
  location: '[位置]',
  link: '[链接]',
  business_card: '[名片]',
  miniprogram: '[小程序]',
};

type Item = Record<string, unknown>;

const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
const record = (value: unknown): Item | undefined => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Item) : undefined);

/**
 * Map one `sync_msg` item: a customer's text → buyer_message, a customer's other message → a
 * buyer_message with a placeholder, a servicer's message → agent_message (the bot goes quiet),
 * `enter_session` → session_enter carrying its welcome_code. shopId is the open_kfid, buyerId the
 * external_userid, id the msgid, at the send_time.
 */
export function toEnvelope(raw: unknown): Mapped {
  const item = record(raw);
  const id = str(item?.msgid);
  const msgtype = str(item?.msgtype);
  if (!item || !id || !msgtype) return { kind: 'ignored', what: 'item without msgid/msgtype' };
  const at = typeof item.send_time === 'number' && item.send_time > 0 ? item.send_time * 1000 : Date.now();

  if (item.origin === ORIGIN.event || msgtype === 'event') return fromEvent(id, at, record(item.event), item);

  const shopId = str(item.open_kfid);
  const buyerId = str(item.external_userid);
  if (!shopId || !buyerId) return { kind: 'ignored', what: `${msgtype} without open_kfid/external_userid` };
  const text = msgtype === 'text' ? str(record(item.text)?.content) : PLACEHOLDERS[msgtype];
  if (text === undefined) return { kind: 'ignored', what: msgtype === 'text' ? 'empty text' : `msgtype ${msgtype.slice(0, 32)}` };
  const base = { id, platform: 'wecom' as const, shopId, buyerId, at, text };
  if (item.origin === ORIGIN.customer) return { kind: 'envelope', envelope: { event: { kind: 'buyer_message', ...base } } };
  if (item.origin === ORIGIN.servicer) return { kind: 'envelope', envelope: { event: { kind: 'agent_message', ...base } } };
  return { kind: 'ignored', what: `origin ${String(item.origin).slice(0, 8)}` };
}

/**
 * System events. Their open_kfid and external_userid sit inside `event` (the top-level ones are
 * not returned for msgtype event). Only enter_session is acted on; msg_send_fail is worth a
 * warning because it is our own message that did not arrive.
 */
function fromEvent(id: string, at: number, event: Item | undefined, item: Item): Mapped {
  const type = str(event?.event_type);
  if (!event || !type) return { kind: 'ignored', what: 'event without event_type' };
  if (type === 'msg_send_fail') {
    console.warn(`wecom: msg_send_fail for msgid ${String(event.fail_msgid).slice(0, 40)}, fail_type ${String(event.fail_type)}`);
  }
  if (type !== 'enter_session') return { kind: 'ignored', what: `event ${type.slice(0, 40)}` };
  const shopId = str(event.open_kfid) ?? str(item.open_kfid);
  const buyerId = str(event.external_userid) ?? str(item.external_userid);
  if (!shopId || !buyerId) return { kind: 'ignored', what: 'enter_session without open_kfid/external_userid' };
  const welcomeCode = str(event.welcome_code);
  // The code is good for 20 s from the event, and once (send.ts decides whether it still is).
  const channel = welcomeCode ? { welcome_code: welcomeCode, welcome_code_at: String(at) } : undefined;
  return { kind: 'envelope', envelope: { event: { kind: 'session_enter', id, platform: 'wecom', shopId, buyerId, at }, ...(channel ? { channel } : {}) } };
}
