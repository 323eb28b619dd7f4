import type { ChannelType } from '../channels/index.ts';
import type { ChannelRequest } from '../escalation/index.ts';
import { cutChars, oneLine } from '../text/index.ts';
import { classifyResponse } from './classify-response.ts';
import type { ChannelOutcome } from './outcome.ts';

/** A team channel that does not answer in this long is treated as down (retry), so a send never hangs a Worker. */
export const DELIVERY_TIMEOUT_MS = 10_000;

/**
 * How long the platform asks us to wait, from `Retry-After` (seconds; Slack, CONFIRMED:
 * api.slack.com/docs/rate-limits) or Feishu's `x-ogw-ratelimit-reset` (seconds, CONFIRMED:
 * open.feishu.cn/document/server-docs/api-call-guide/frequency-control).
 */
function waitAsked(headers: Headers): number | undefined {
  for (const name of ['retry-after', 'x-ogw-ratelimit-reset']) {
    const value = headers.get(name)?.trim();
    if (value && /^\d{1,6}$/.test(value)) return Number(value) * 1000;
  }
  return undefined;
}

/**
 * Sends a rendered request and classifies the answer; never throws. A network error or timeout is
 * `retry`. A 429 (or a throttling code) that comes with a wait header becomes `throttled` with that
 * wait, which is more exact than `classifyResponse` can be from the body alone.
 */
export async function deliver(request: ChannelRequest, type: ChannelType, fetchImpl: typeof fetch = (input, init) => fetch(input, init)): Promise<ChannelOutcome> {
  let response: Response;
  let body: string;
  try {
    response = await fetchImpl(request.url, { method: request.method, headers: request.headers, body: request.body, signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS) });
    body = await response.text();
  } catch (error) {
    // The URL holds the channel's token: keep it out of the reason, which ends up in logs.
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { kind: 'retry', reason: `network: ${cutChars(oneLine(message.split(request.url).join('<channel url>')), 200)}` };
  }
  const outcome = classifyResponse(type, response.status, body);
  const wait = waitAsked(response.headers);
  if (wait !== undefined && (response.status === 429 || outcome.kind === 'throttled')) {
    return { kind: 'throttled', retryAfterMs: wait, reason: outcome.kind === 'sent' ? `HTTP ${response.status}` : outcome.reason };
  }
  return outcome;
}
