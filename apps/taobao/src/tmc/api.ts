import { callTop, type TopResult } from '../top/index.ts';
import { readConsumed, type TmcMessage } from './message.ts';
import type { TmcSettings } from './settings.ts';

/** Messages asked for per consume (TOP allows 10..200: bububa/opentaobao TaobaoTmcMessagesConsumeAPIRequest.go). */
export const CONSUME_QUANTITY = 100;
/** Ids per confirm call (`s_message_ids`, at most 200: TaobaoTmcMessagesConfirmAPIRequest.go). */
export const CONFIRM_CHUNK = 200;

type Failed = Exclude<TopResult, { kind: 'ok' }>;

/** `taobao.tmc.messages.consume` (protocols §2.2, CONFIRMED): the next batch of the group's messages. */
export async function consumeMessages(s: TmcSettings, now: number): Promise<{ kind: 'ok'; messages: TmcMessage[]; withoutId: number } | Failed> {
  const result = await callTop(s.base, {
    method: 'taobao.tmc.messages.consume',
    appKey: s.appKey,
    secret: s.secret,
    params: { group_name: s.groupName, quantity: String(CONSUME_QUANTITY) },
    now,
  });
  return result.kind === 'ok' ? { kind: 'ok', ...readConsumed(result.response) } : result;
}

/**
 * `taobao.tmc.messages.confirm` with `s_message_ids` (comma list, ≤ 200 per call): these are
 * handled and must not come back. Stops at the first failed call; the rest are redelivered.
 */
export async function confirmMessages(s: TmcSettings, ids: readonly string[], now: () => number): Promise<{ kind: 'ok'; confirmed: number } | Failed> {
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += CONFIRM_CHUNK) {
    const chunk = unique.slice(i, i + CONFIRM_CHUNK);
    const result = await callTop(s.base, {
      method: 'taobao.tmc.messages.confirm',
      appKey: s.appKey,
      secret: s.secret,
      params: { group_name: s.groupName, s_message_ids: chunk.join(',') },
      now: now(),
    });
    if (result.kind !== 'ok') return result;
    // bububa/opentaobao TaobaoTmcMessagesConfirmAPIResponse.go: `is_success`.
    if (result.response.is_success === false) return { kind: 'unavailable', reason: 'confirm answered is_success=false' };
  }
  return { kind: 'ok', confirmed: unique.length };
}
