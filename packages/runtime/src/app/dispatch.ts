import type { Platform } from '@kefu/core';
import type { Envelope } from '../adapter/adapter.ts';
import type { HandleResult } from '../conversation/conversation.ts';
import type { RuntimeEnv } from '../env.ts';
import { HttpError } from './http-error.ts';

/** The Durable Object name of a conversation: one per (platform, shop, buyer). */
export function conversationKey(platform: Platform, shopId: string, buyerId: string): string {
  return `${platform}:${shopId}:${buyerId}`;
}

/**
 * Hand events to their conversations and wait until each is durably recorded (deduped, decided,
 * outbox written): only then may the platform be acked. Events of one conversation go in order;
 * conversations run side by side. Throws 503 when a shop has no usable rules, so the platform
 * retries instead of the message being lost.
 */
export async function dispatch(env: RuntimeEnv, envelopes: Envelope[]): Promise<HandleResult[]> {
  const groups = new Map<string, Envelope[]>();
  for (const envelope of envelopes) {
    const { platform, shopId, buyerId } = envelope.event;
    const key = conversationKey(platform, shopId, buyerId);
    groups.set(key, [...(groups.get(key) ?? []), envelope]);
  }
  const results = await Promise.all(
    [...groups].map(async ([key, group]) => {
      const stub = env.CONVERSATION.get(env.CONVERSATION.idFromName(key));
      const out: HandleResult[] = [];
      for (const envelope of group) out.push((await stub.handle(envelope)) as HandleResult);
      return out;
    }),
  );
  const flat = results.flat();
  const missing = flat.find((r) => r.kind === 'no_rules');
  if (missing?.kind === 'no_rules') throw new HttpError(503, 'no_rules', `no valid rules for this shop; retry later (${missing.reason})`);
  return flat;
}
