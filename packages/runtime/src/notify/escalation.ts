import { signClaim, type Escalation } from '@kefu/notify';
import { PLATFORMS, type Platform } from '@kefu/core';
import type { RuntimeEnv } from '../env.ts';
import type { ConversationRef, TeamNotice } from '../outbound/job.ts';

const SEVERITY = { normal: 'medium', high: 'high', critical: 'critical' } as const;

/** A buyer id as a team channel shows it: enough to find the chat, not the whole platform id. */
export function buyerLabel(buyerId: string): string {
  return buyerId.length <= 6 ? `${buyerId.slice(0, 1)}***` : `${buyerId.slice(0, 3)}***${buyerId.slice(-3)}`;
}

/**
 * The claim reference carried by claim links and Slack buttons: which conversation, which
 * escalation. Opaque to people; verified by HMAC before use.
 */
export function claimRef(notice: Pick<TeamNotice, 'conversation' | 'escalationId'>): string {
  const { platform, shopId, buyerId } = notice.conversation;
  return [platform, shopId, buyerId, notice.escalationId].map(encodeURIComponent).join('|');
}

/** Read a claim reference back (undefined when it is not one). */
export function parseClaimRef(ref: string): { conversation: ConversationRef; escalationId: string } | undefined {
  const parts = ref.split('|');
  if (parts.length !== 4) return undefined;
  try {
    const [platform, shopId, buyerId, escalationId] = parts.map(decodeURIComponent) as [string, string, string, string];
    if (!(PLATFORMS as readonly string[]).includes(platform) || !shopId || !buyerId || !escalationId) return undefined;
    return { conversation: { platform: platform as Platform, shopId, buyerId }, escalationId };
  } catch {
    return undefined;
  }
}

/** Turn a team notice into what a channel renders (the transcript was masked when it was written). */
export function toEscalation(notice: TeamNotice, env: RuntimeEnv, shopName: string, mention: string[], claimMinutes: number, now: number): Escalation {
  const ref = claimRef(notice);
  const { platform, shopId, buyerId } = notice.conversation;
  let claimUrl: string | undefined;
  if (env.PUBLIC_URL && env.CLAIM_SECRET) {
    const exp = now + claimMinutes * 60_000;
    const query = new URLSearchParams({ ref, exp: String(exp), t: signClaim(env.CLAIM_SECRET, ref, exp) });
    claimUrl = `${env.PUBLIC_URL.replace(/\/$/, '')}/claim?${query}`;
  }
  const conversationUrl = env.CONSOLE_URL ? `${env.CONSOLE_URL.replace(/\/$/, '')}/conversations/${platform}/${encodeURIComponent(shopId)}/${encodeURIComponent(buyerId)}` : undefined;
  return {
    id: ref,
    update: notice.update,
    platform,
    shopId,
    shopName,
    buyer: buyerLabel(buyerId),
    severity: SEVERITY[notice.severity],
    title: notice.title,
    reasons: notice.reasons,
    ...(notice.deadline ? { deadline: notice.deadline } : {}),
    transcript: notice.transcript,
    ...(conversationUrl ? { conversationUrl } : {}),
    ...(claimUrl ? { claimUrl } : {}),
    mention,
  };
}
