import type { Platform } from '@kefu/core';
import { SIMULATORS, stackUrl, type SimulatedDelivery } from '@kefu/cli';
import { standIns } from '@kefu/sandbox';
import { sandbox } from '../clients/sandbox-client.ts';
import { sleep } from '../support/index.ts';

/** One buyer message the suite sends. */
export type BuyerMessage = { platform: Platform; shop: string; buyer: string; text: string; messageId: string; from?: 'buyer' | 'agent' };

/** How its delivery went: the final answer, and every 5xx or network error on the way. */
export type DeliveryOutcome =
  /** Acked the platform's way (HTTP 200 and the platform's ack body). */
  | { kind: 'acked'; serverErrors: number; attempts: number }
  /** Refused or never acked after the platform's retries: the message would be lost. */
  | { kind: 'refused'; status: number | 'network'; body: string; serverErrors: number; attempts: number };

/** The made-up credentials the sandbox and the local workers share (never real ones). */
export const CREDENTIALS: Record<string, string> = Object.assign({}, ...standIns.map((s) => s.credentials ?? {}));

/** The id the worker logs a message's event under. */
export const eventIdOf = (m: Pick<BuyerMessage, 'platform' | 'messageId'>) => (m.platform === 'douyin' ? `douyin-im:${m.messageId}` : m.messageId);

/** Platforms retry a webhook that got no 200; the suite does the same, a few times. */
const PLATFORM_RETRIES = 5;

/**
 * Deliver one buyer message the platform's way (`SIMULATORS`: WeCom queues it for `sync_msg` and
 * sends the callback; 抖音 posts the IM webhook; the others the chat bridge). `copies` = 2 delivers
 * it twice at once, as a platform retrying before our ack arrived would (WeCom: listed twice by
 * `sync_msg` and two callbacks).
 */
export async function deliverMessage(m: BuyerMessage, copies: 1 | 2 = 1): Promise<DeliveryOutcome> {
  const simulation = { platform: m.platform, shop: m.shop, buyer: m.buyer, text: m.text, from: m.from ?? 'buyer', messageId: m.messageId } as const;
  const delivery = await SIMULATORS[m.platform](simulation, CREDENTIALS, Date.now());
  if (delivery.inbox) await sandbox.inbox(delivery.inbox.key, copies === 2 ? [...delivery.inbox.items, ...delivery.inbox.items] : delivery.inbox.items);
  const outcomes = await Promise.all(Array.from({ length: copies }, () => post(m.platform, delivery)));
  const serverErrors = outcomes.reduce((n, o) => n + o.serverErrors, 0);
  const attempts = outcomes.reduce((n, o) => n + o.attempts, 0);
  const refused = outcomes.find((o) => o.kind === 'refused');
  return refused ? { ...refused, serverErrors, attempts } : { kind: 'acked', serverErrors, attempts };
}

/** POST a built delivery, retrying on 5xx and network errors like the platform would. */
export async function post(platform: Platform, delivery: SimulatedDelivery): Promise<DeliveryOutcome> {
  const query = delivery.query ? `?${new URLSearchParams(delivery.query)}` : '';
  let serverErrors = 0;
  let last: { status: number | 'network'; body: string } = { status: 'network', body: '' };
  for (let attempt = 1; attempt <= PLATFORM_RETRIES; attempt++) {
    try {
      const response = await fetch(`${stackUrl(platform)}${delivery.path}${query}`, { method: 'POST', headers: delivery.headers, body: delivery.body });
      const body = await response.text();
      if (response.status === 200 && isAck(platform, body)) return { kind: 'acked', serverErrors, attempts: attempt };
      last = { status: response.status, body: body.slice(0, 300) };
      if (response.status < 500) return { kind: 'refused', ...last, serverErrors, attempts: attempt };
      serverErrors += 1;
    } catch (error) {
      serverErrors += 1;
      last = { status: 'network', body: error instanceof Error ? error.message : String(error) };
    }
    await sleep(500 * attempt);
  }
  return { kind: 'refused', ...last, serverErrors, attempts: PLATFORM_RETRIES };
}

/** The platform's ack: WeCom an empty body (or `success`), 抖音 IM `{}`, the chat bridge `{code:0}`. */
export function isAck(platform: Platform, body: string): boolean {
  if (platform === 'wecom') return body === '' || body === 'success';
  try {
    const json = JSON.parse(body) as { code?: unknown };
    return platform === 'douyin' ? JSON.stringify(json) === '{}' || json.code === 0 : json.code === 0;
  } catch {
    return false;
  }
}
