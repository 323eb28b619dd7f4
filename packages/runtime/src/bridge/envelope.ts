import type { InboundEvent, Platform } from '@kefu/core';
import { z } from 'zod';
import type { Envelope } from '../adapter/adapter.ts';

const text = z.string().min(1).max(4000);

/** One chat event as the bridge posts it (docs/chat-bridge.md). */
const bridgeMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('buyer_text'), text, returning: z.boolean().optional() }),
  z.object({ type: z.literal('agent_text'), text }),
  z.object({ type: z.literal('session_enter'), returning: z.boolean().optional() }),
  z.object({ type: z.literal('session_closed') }),
]).and(
  z.object({
    msg_id: z.string().min(1).max(128),
    shop_id: z.string().min(1).max(128),
    buyer_id: z.string().min(1).max(128),
    sent_at: z.number().int().positive(),
    /** Opaque addressing the bridge wants back on replies (a conversation id, a sub-account…). */
    channel: z.record(z.string(), z.string().max(512)).optional(),
  }),
);

/** The bridge's inbound body: up to 100 chat events. */
export const bridgeBody = z.object({ messages: z.array(bridgeMessage).min(1).max(100) });
export type BridgeBody = z.infer<typeof bridgeBody>;

/** Parse a bridge body into envelopes, or say exactly what is wrong with it. */
export function parseBridgeBody(platform: Platform, raw: string): { kind: 'ok'; envelopes: Envelope[] } | { kind: 'malformed'; reason: string } {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { kind: 'malformed', reason: 'body is not JSON' };
  }
  const parsed = bridgeBody.safeParse(json);
  if (!parsed.success) return { kind: 'malformed', reason: parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ') };
  return {
    kind: 'ok',
    envelopes: parsed.data.messages.map((m) => {
      const base = { id: m.msg_id, platform, shopId: m.shop_id, buyerId: m.buyer_id, at: m.sent_at };
      const event: InboundEvent =
        m.type === 'buyer_text' ? { ...base, kind: 'buyer_message', text: m.text, ...(m.returning === undefined ? {} : { returning: m.returning }) }
        : m.type === 'agent_text' ? { ...base, kind: 'agent_message', text: m.text }
        : m.type === 'session_enter' ? { ...base, kind: 'session_enter', ...(m.returning === undefined ? {} : { returning: m.returning }) }
        : { ...base, kind: 'conversation_closed' };
      return { event, channel: { ...m.channel, via: 'bridge' } };
    }),
  };
}
