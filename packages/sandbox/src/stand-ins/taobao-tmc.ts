import { topTimestamp } from '@kefu/wire';
import type { Reply, SandboxState } from '../server/types.ts';
import { TOP_ERRORS, topError, topResponse } from './taobao-top.ts';

/** Where tests queue TMC messages: `POST /__sandbox/inbox/taobao:tmc` with `[{topic, content, …}]`. */
export const TMC_INBOX = 'taobao:tmc';

/**
 * Scripted TOP errors: `[{method?, code, msg, sub_code?, sub_msg?}]`; the next call of that method
 * (any method when absent) answers the first one as `error_response` (App Call Limited, isv.*…).
 */
export const TOP_ERROR_INBOX = 'taobao:errors';

/**
 * A consumed message not confirmed within this long is handed out again, as TMC redelivers
 * unconfirmed messages. TMC's real delay is UNCONFIRMED (protocols §2.2).
 */
export const TMC_REDELIVER_MS = 3000;

/** `quantity` bounds of taobao.tmc.messages.consume (bububa/opentaobao model/tmc/TaobaoTmcMessagesConsumeAPIRequest.go: 最小值 10, 最大值 200). */
const QUANTITY = { min: 10, max: 200 } as const;
/** `s_message_ids` holds at most 200 ids (same SDK, TaobaoTmcMessagesConfirmAPIRequest.go). */
const MAX_CONFIRM = 200;

type Delivery = { json: string; deliveredAt: number };
type TmcState = { inflight: Map<string, Delivery>; seq: bigint };

const states = new WeakMap<SandboxState, TmcState>();
function stateOf(sandbox: SandboxState): TmcState {
  let state = states.get(sandbox);
  if (!state) states.set(sandbox, (state = { inflight: new Map(), seq: BigInt(Date.now()) * 100_000n }));
  return state;
}

/** taobao.tmc.messages.consume: redeliveries first, then queued messages, up to `quantity`. */
export function consume(sandbox: SandboxState, params: Record<string, string>, now: number): Reply {
  const quantity = Number(params.quantity ?? 100);
  if (!Number.isInteger(quantity) || quantity < QUANTITY.min || quantity > QUANTITY.max) {
    return topError(TOP_ERRORS.invalidArguments, { sub_code: 'isv.invalid-parameter', sub_msg: `quantity must be ${QUANTITY.min}..${QUANTITY.max}` });
  }
  const state = stateOf(sandbox);
  const out: string[] = [];
  for (const delivery of state.inflight.values()) {
    if (out.length >= quantity) break;
    if (now - delivery.deliveredAt < TMC_REDELIVER_MS) continue;
    delivery.deliveredAt = now;
    out.push(delivery.json);
  }
  const inbox = sandbox.inbox(TMC_INBOX);
  while (out.length < quantity && inbox.length > 0) {
    const queued = inbox.shift();
    state.seq += 1n;
    const { id, json } = tmcMessageJson(queued, state.seq.toString(), now);
    state.inflight.set(id, { json, deliveredAt: now });
    out.push(json);
  }
  // With no messages TOP leaves `messages` out (UNCONFIRMED: SDK users test `if messages:`).
  return topResponse(params.method ?? '', out.length > 0 ? `"messages":{"tmc_message":[${out.join(',')}]}` : '');
}

/** taobao.tmc.messages.confirm: `s_message_ids`, a comma list of up to 200 ids. */
export function confirm(sandbox: SandboxState, params: Record<string, string>): Reply {
  const ids = (params.s_message_ids ?? '').split(',').map((id) => id.trim()).filter(Boolean);
  if (ids.length === 0) return topError(TOP_ERRORS.missingArguments, { sub_code: 'isv.missing-parameter', sub_msg: 's_message_ids is required' });
  if (ids.length > MAX_CONFIRM || ids.some((id) => !/^\d+$/.test(id))) {
    return topError(TOP_ERRORS.invalidArguments, { sub_code: 'isv.invalid-parameter', sub_msg: `s_message_ids: at most ${MAX_CONFIRM} numeric ids` });
  }
  const state = stateOf(sandbox);
  // Confirmed ids are in the request record (channel taobao:tmc_confirm); they leave the redelivery set.
  for (const id of ids) state.inflight.delete(id);
  return topResponse(params.method ?? '', '"is_success":true');
}

/** The next scripted error for this method, taken off the queue. */
export function scriptedError(sandbox: SandboxState, method: string): Reply | undefined {
  const queue = sandbox.inbox(TOP_ERROR_INBOX);
  const index = queue.findIndex((e) => {
    const m = (e as { method?: unknown }).method;
    return m === undefined || m === method;
  });
  if (index < 0) return undefined;
  const [raw] = queue.splice(index, 1);
  const e = raw as { code?: unknown; msg?: unknown; sub_code?: unknown; sub_msg?: unknown };
  const sub = typeof e.sub_code === 'string' ? { sub_code: e.sub_code, sub_msg: typeof e.sub_msg === 'string' ? e.sub_msg : '' } : undefined;
  return topError([Number(e.code ?? 15), String(e.msg ?? 'Remote service error')], sub);
}

/**
 * One `tmc_message` as TOP's JSON has it (alibaba/top test/fixtures/tmc_messages_consume_response.json):
 * `{user_id, user_nick, content (a JSON string), id, pub_time, pub_app_key, topic}`, the 64-bit
 * `id` a bare JSON number. A queued item gives `topic` and `content` (object or string, sent as
 * is so a test can queue unreadable content), and optionally the rest.
 */
function tmcMessageJson(queued: unknown, seq: string, now: number): { id: string; json: string } {
  const q = (queued && typeof queued === 'object' ? queued : {}) as Record<string, unknown>;
  const id = typeof q.id === 'string' && /^\d+$/.test(q.id) ? q.id : seq;
  const userId = /^\d+$/.test(String(q.user_id ?? '')) ? String(q.user_id) : '2200000000';
  const fields = [
    `"user_id":${userId}`,
    `"user_nick":${JSON.stringify(String(q.user_nick ?? 'sandbox_seller'))}`,
    `"content":${JSON.stringify(typeof q.content === 'string' ? q.content : JSON.stringify(q.content ?? {}))}`,
    `"id":${id}`,
    `"pub_time":${JSON.stringify(typeof q.pub_time === 'string' ? q.pub_time : topTimestamp(now))}`,
    `"pub_app_key":${JSON.stringify(String(q.pub_app_key ?? '12497914'))}`,
    `"topic":${JSON.stringify(String(q.topic ?? ''))}`,
  ];
  return { id, json: `{${fields.join(',')}}` };
}

