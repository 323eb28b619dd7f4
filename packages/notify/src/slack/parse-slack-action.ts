import { z } from 'zod';
import { CLAIM_ACTION_ID } from './render-slack.ts';

/**
 * The fields of a block_actions payload we use (PARTIAL shape: api.slack.com/reference/interaction-payloads/block-actions
 * as mirrored by third-party types; `user.username` may be absent, `name` is older).
 */
const blockActionsSchema = z.object({
  type: z.string(),
  user: z.object({ id: z.string().min(1), username: z.string().optional(), name: z.string().optional() }).optional(),
  actions: z.array(z.object({ action_id: z.string(), value: z.string().optional() })).optional(),
  response_url: z.string().optional(),
});

/** What a Slack interactivity request asks for. */
export type SlackAction =
  /** Someone pressed 认领 on an escalation. */
  | { kind: 'claim'; escalationId: string; userId: string; userName?: string; responseUrl?: string }
  /** A well-formed request that is not a claim (the 查看 URL button, a modal…): ack it and do nothing. */
  | { kind: 'ignored'; reason: string }
  /** Not a payload Slack sends: answer 400. */
  | { kind: 'malformed'; reason: string };

/**
 * Reads the form-encoded `payload=<json>` body Slack posts for block actions. Call only after
 * `verifySlackRequest` accepted the same raw body. Never throws.
 */
export function parseSlackAction(rawBody: string): SlackAction {
  const payload = new URLSearchParams(rawBody).get('payload');
  if (payload === null) return { kind: 'malformed', reason: 'no payload field' };
  let json: unknown;
  try {
    json = JSON.parse(payload);
  } catch {
    return { kind: 'malformed', reason: 'payload is not JSON' };
  }
  const parsed = blockActionsSchema.safeParse(json);
  if (!parsed.success) return { kind: 'malformed', reason: `payload: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'} ${i.message}`).join('; ')}` };
  const p = parsed.data;
  if (p.type !== 'block_actions') return { kind: 'ignored', reason: `interaction type ${p.type}` };
  const claim = p.actions?.find((a) => a.action_id === CLAIM_ACTION_ID);
  if (!claim) return { kind: 'ignored', reason: `no ${CLAIM_ACTION_ID} action (${p.actions?.map((a) => a.action_id).join(', ') || 'none'})` };
  if (!claim.value) return { kind: 'malformed', reason: 'claim action without a value' };
  if (!p.user) return { kind: 'malformed', reason: 'block_actions without a user' };
  const userName = p.user.username ?? p.user.name;
  return {
    kind: 'claim',
    escalationId: claim.value,
    userId: p.user.id,
    ...(userName === undefined ? {} : { userName }),
    ...(p.response_url === undefined ? {} : { responseUrl: p.response_url }),
  };
}
