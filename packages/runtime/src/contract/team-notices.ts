import type { Escalation } from '@kefu/notify';
import type { Recorded } from '@kefu/sandbox';
import { parseClaimRef } from '../notify/escalation.ts';
import type { ConversationRef } from '../outbound/job.ts';
import { sandboxClient } from './sandbox-client.ts';

/** An escalation the test team channel (generic webhook `team:test-team`) received. */
export type TeamNoticeRecord = { record: Recorded; escalation: Escalation; conversation: ConversationRef; escalationId: string };

/** The escalations the `team` channel received, optionally for one conversation. */
export async function teamNotices(env: { SANDBOX_URL: string }, filter: Partial<ConversationRef> = {}): Promise<TeamNoticeRecord[]> {
  const records = await sandboxClient(env.SANDBOX_URL).requests('team:test-team');
  const out: TeamNoticeRecord[] = [];
  for (const record of records) {
    const escalation = (record.parsed as { type?: string; escalation?: Escalation } | undefined)?.escalation;
    const ref = escalation ? parseClaimRef(escalation.id) : undefined;
    if (!escalation || !ref) continue;
    const c = ref.conversation;
    if ((filter.platform && c.platform !== filter.platform) || (filter.shopId && c.shopId !== filter.shopId) || (filter.buyerId && c.buyerId !== filter.buyerId)) continue;
    out.push({ record, escalation, conversation: c, escalationId: ref.escalationId });
  }
  return out;
}
