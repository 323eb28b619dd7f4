import type { Recorded } from '@kefu/sandbox';
import type { Conversation } from '../clients/worker-client.ts';
import { claimRef, noticeKeys, sendKey, wecomMsgid } from './record-keys.ts';

/** What happened to every reply and team notice of a set of conversations, from both ends. */
export type Ledger = {
  /** Replies decided (budget-withheld ones excluded) and escalation notices expected. */
  replies: number;
  notices: number;
  /** Received by the sandbox (the platform / team channel accepted it). */
  delivered: number;
  /** Not received, but recorded in the dead letters (visible to the shop). */
  dead: number;
  /** Neither received nor dead-lettered: the buyer or the team never hears of it. */
  lost: number;
  /** Extra acceptances of one reply or notice (a key accepted n times counts n − 1). */
  duplicates: number;
  /** Of those, the ones after the sender logged a timeout for that key: the receiver answered too late and got it again (at-least-once; only the receiver can dedupe). */
  afterTimeout: number;
  /** Acceptances the sandbox answered only after the sender had given up (an injected delay), besides the one that counted. */
  lateRepeats: number;
  /** Sends that needed more than one attempt (proves faults were met and retried). */
  retried: number;
  /** A few examples of what went wrong, for the report. */
  problems: string[];
  /** Conversations (`platform|shop|buyer`) with something not received: the ones worth reading again. */
  open: Set<string>;
};

export type LedgerInput = {
  conversations: readonly Conversation[];
  /** Everything the send channels and the team channel received for these conversations. */
  records: readonly Recorded[];
  /** Records the sandbox answered only after the sender had given up (a delay beyond its timeout). */
  late?: (record: Recorded) => boolean;
  /** Notices the channel outboxes dead-lettered (D1 `dead_letters` kind notify, not traceable by id). */
  channelDeadLetters?: number;
  /** Keys whose send the workers logged as timed out (see timeouts.ts). */
  timedOut?: ReadonlySet<string>;
};

type Counts = { inTime: number; late: number };

/**
 * Account for every outward action: a reply must reach the platform's send API exactly once (or be
 * dead-lettered), an escalation must reach the team channel exactly once per update (or be
 * dead-lettered). Replies are traced by action id (chat bridge `msg_id`, WeCom's msgid); 抖音 IM
 * sends carry no id of ours, so there the count per buyer is compared with the replies sent.
 */
export function ledger(input: LedgerInput): Ledger {
  const late = input.late ?? (() => false);
  const byAction = new Map<string, Counts>();
  const byRecipient = new Map<string, Counts>();
  const byNotice = new Map<string, Counts>();
  const bump = (map: Map<string, Counts>, key: string, record: Recorded) => {
    const c = map.get(key) ?? { inTime: 0, late: 0 };
    if (late(record)) c.late += 1;
    else c.inTime += 1;
    map.set(key, c);
  };
  for (const record of input.records) {
    if (record.status !== 200) continue;
    const send = sendKey(record);
    if (send) bump(send.kind === 'action' ? byAction : byRecipient, send.key, record);
    for (const notice of noticeKeys(record)) bump(byNotice, notice.key, record);
  }

  const out: Ledger = { replies: 0, notices: 0, delivered: 0, dead: 0, lost: 0, duplicates: 0, afterTimeout: 0, lateRepeats: 0, retried: 0, problems: [], open: new Set() };
  const problem = (text: string) => void (out.problems.length < 12 && out.problems.push(text));
  let missingNotices: { text: string; conversation: string }[] = [];
  const timedOut = input.timedOut ?? new Set<string>();
  for (const [map, what] of [[byAction, 'reply'], [byNotice, 'notice']] as const) {
    const extra = surplus(map, what, timedOut, problem);
    out.duplicates += extra.all;
    out.afterTimeout += extra.afterTimeout;
  }

  for (const c of input.conversations) {
    const ref = conversationKey(c);
    const rows = new Map(c.deliveries.map((d) => [d.id, d]));
    const recipientReplies = { sent: 0, open: [] as string[] };
    let open: { id: string; updates: number } | undefined;
    for (const action of c.actions) {
      if (action.kind !== 'reply' && action.kind !== 'escalate') continue;
      const row = rows.get(action.id);
      if (row && row.attempts > 1) out.retried += 1;
      if (action.kind === 'escalate') {
        // One open escalation per conversation: later notices are updates to it (planJobs).
        open = open ? { id: open.id, updates: open.updates + 1 } : { id: action.id, updates: 0 };
        out.notices += 1;
        const key = `${claimRef(c.platform, c.shop, c.buyer, open.id)}#${open.updates}`;
        const seen = byNotice.get(key);
        if (seen && seen.inTime + seen.late > 0) settleSeen(out, seen);
        else if (row?.status === 'dead') out.dead += 1;
        else missingNotices.push({ text: `notice ${key} (${row?.status ?? 'no delivery row'})`, conversation: ref });
        continue;
      }
      // No delivery row yet: not claimed by the queue consumer (pending). A reply WeCom's send budget
      // withholds never gets one either; the suite's conversations stay far below that budget.
      out.replies += 1;
      if (c.platform === 'douyin') {
        // The suite's 抖音 buyers write through the IM webhook, so their replies are IM sends.
        if (row?.status === 'sent') recipientReplies.sent += 1;
        else if (row?.status === 'dead') out.dead += 1;
        else recipientReplies.open.push(`${action.id} (${row?.status ?? 'no delivery row'})`);
        continue;
      }
      const key = c.platform === 'wecom' ? wecomMsgid(action.id) : action.id;
      const seen = byAction.get(key);
      if (seen && seen.inTime + seen.late > 0) settleSeen(out, seen);
      else if (row?.status === 'dead') out.dead += 1;
      else {
        out.lost += 1;
        out.open.add(ref);
        problem(`reply ${action.id} on ${c.platform}: not received by the platform (${row ? `${row.status}${row.last_error ? `: ${row.last_error}` : ''}` : 'no delivery row'})`);
      }
    }
    if (c.platform === 'douyin') {
      const seen = byRecipient.get(c.buyer) ?? { inTime: 0, late: 0 };
      const accepted = seen.inTime + seen.late;
      out.delivered += Math.min(accepted, recipientReplies.sent);
      if (accepted > recipientReplies.sent) {
        out.duplicates += accepted - recipientReplies.sent;
        problem(`douyin buyer ${c.buyer}: ${accepted} IM sends accepted for ${recipientReplies.sent} replies sent`);
      }
      const missing = recipientReplies.sent - Math.min(accepted, recipientReplies.sent) + recipientReplies.open.length;
      if (missing > 0) {
        out.lost += missing;
        out.open.add(ref);
        problem(`douyin buyer ${c.buyer}: ${recipientReplies.sent} replies sent, ${accepted} accepted, unsettled ${recipientReplies.open.join(', ') || 'none'}`);
      }
    }
  }
  // Notices the channel outboxes gave up on are in D1 dead_letters without an action id: count them against the missing ones.
  const channelDead = Math.min(input.channelDeadLetters ?? 0, missingNotices.length);
  out.dead += channelDead;
  missingNotices = missingNotices.slice(channelDead);
  out.lost += missingNotices.length;
  for (const m of missingNotices) {
    out.open.add(m.conversation);
    problem(`${m.text}: not received by the team channel`);
  }
  return out;
}

function settleSeen(out: Ledger, seen: Counts): void {
  out.delivered += 1;
  out.lateRepeats += seen.inTime > 0 ? seen.late : Math.max(0, seen.late - 1);
}

/** How the ledger names a conversation in `open`. */
export const conversationKey = (c: { platform: string; shop: string; buyer: string }) => `${c.platform}|${c.shop}|${c.buyer}`;

/** Every key accepted more than once in time, whether or not its action is in the snapshot. */
function surplus(map: Map<string, Counts>, what: string, timedOut: ReadonlySet<string>, problem: (text: string) => void): { all: number; afterTimeout: number } {
  let all = 0;
  let afterTimeout = 0;
  for (const [key, c] of map) {
    if (c.inTime <= 1) continue;
    all += c.inTime - 1;
    const explained = timedOut.has(key);
    if (explained) afterTimeout += c.inTime - 1;
    problem(`${what} ${key}: accepted ${c.inTime} times${explained ? ' (the sender had logged a timeout for it)' : ''}`);
  }
  return { all, afterTimeout };
}
