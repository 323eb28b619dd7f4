import type { Platform } from '@kefu/core';
import type { Recorded } from '@kefu/sandbox';
import { sha256Hex } from '@kefu/wire';

/** The sandbox channels a platform's replies to buyers arrive on. */
export const SEND_CHANNELS: Record<Platform, readonly string[]> = {
  taobao: ['bridge:taobao'],
  pinduoduo: ['bridge:pinduoduo'],
  jd: ['bridge:jd'],
  wecom: ['wecom:send_msg', 'wecom:send_msg_on_event'],
  douyin: ['douyin:im_send', 'bridge:douyin'],
};

/** The generic signed webhook that plays the shop's team channel `team`. */
export const TEAM_CHANNEL = 'team:test-team';

/**
 * WeCom's client msgid for an action: the first 32 hex characters of SHA-256 of `kefu:<action id>`
 * (the derivation apps/wecom/src/send-fields.ts `msgidFor` documents), so a sandbox record can be
 * traced back to the action.
 */
export const wecomMsgid = (actionId: string) => sha256Hex(`kefu:${actionId}`).slice(0, 32);

/** What identifies a reply the sandbox received. */
export type SendKey =
  /** The action id itself (bridge `msg_id`) or WeCom's msgid derived from it: one per reply. */
  | { kind: 'action'; key: string; buyer: string }
  /** 抖音 IM sends carry no id of ours: only who they went to. */
  | { kind: 'recipient'; key: string; buyer: string };

type Body = Record<string, unknown>;
const body = (r: Recorded): Body => (typeof r.parsed === 'object' && r.parsed !== null ? (r.parsed as Body) : {});
const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** The key of a reply send, by channel; undefined for records that are not reply sends. */
export function sendKey(record: Recorded): SendKey | undefined {
  const b = body(record);
  if (record.channel.startsWith('bridge:')) return { kind: 'action', key: str(b.msg_id), buyer: str(b.buyer_id) };
  if (record.channel === 'wecom:send_msg' || record.channel === 'wecom:send_msg_on_event') return { kind: 'action', key: str(b.msgid), buyer: str(b.touser) };
  if (record.channel === 'douyin:im_send') return { kind: 'recipient', key: str(b.to_user_id), buyer: str(b.to_user_id) };
  return undefined;
}

/** One escalation notice in a team-channel record: `<claim ref>#<update>`, and its conversation. */
export type NoticeKey = { key: string; escalationId: string; platform: string; shop: string; buyer: string; reasons: { code: string; detail: string }[]; title: string };

/**
 * The notices a generic-webhook record carries: one (`kefu.escalation`) or several (`kefu.digest`).
 * The escalation id is the claim reference `platform|shop|buyer|escalation id`, each part
 * URI-encoded (packages/runtime notify/escalation.ts `claimRef`).
 */
export function noticeKeys(record: Recorded): NoticeKey[] {
  const b = body(record);
  const list = b.type === 'kefu.digest' && Array.isArray(b.escalations) ? b.escalations : b.type === 'kefu.escalation' ? [b.escalation] : [];
  const out: NoticeKey[] = [];
  for (const e of list as Body[]) {
    if (typeof e !== 'object' || e === null) continue;
    const id = str(e.id);
    const parts = id.split('|').map((p) => safeDecode(p));
    if (parts.length !== 4) continue;
    const [platform = '', shop = '', buyer = '', escalationId = ''] = parts;
    const reasons = Array.isArray(e.reasons) ? (e.reasons as { code: string; detail: string }[]) : [];
    out.push({ key: `${id}#${String(e.update)}`, escalationId, platform, shop, buyer, reasons, title: str(e.title) });
  }
  return out;
}

/** The claim reference of a conversation's escalation, as the runtime writes it. */
export const claimRef = (platform: string, shop: string, buyer: string, escalationId: string) => [platform, shop, buyer, escalationId].map(encodeURIComponent).join('|');

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
