import { cutChars, oneLine } from '../text/index.ts';

/** What became of one send. */
export type ChannelOutcome =
  /** The platform took the message. */
  | { kind: 'sent' }
  /** The platform's rate limit: wait at least `retryAfterMs`, and fold what waits into a digest. */
  | { kind: 'throttled'; retryAfterMs: number; reason: string }
  /** A passing failure (network, 5xx, 429 without a wait, busy): the same request may succeed later. */
  | { kind: 'retry'; reason: string }
  /** Sending the same thing again cannot succeed (bad sign, keyword, token, malformed body): fix the config. */
  | { kind: 'refused'; reason: string };

/** How much of a platform's answer a reason quotes: enough to diagnose, never a whole page. */
const REASON_CHARS = 200;

/** The answer as a JSON object, or undefined when it is not one. */
export function readJson(body: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(body);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** `errcode 310000: sign not match`. */
export function reasonOf(code: unknown, message: unknown): string {
  const text = typeof message === 'string' ? `: ${cutChars(oneLine(message), REASON_CHARS)}` : '';
  return `errcode ${String(code)}${text}`;
}

/**
 * Falls back on the HTTP status when the body says nothing we know: 408/429/5xx are passing,
 * other 4xx are not. `jsonExpected`: the platform always answers a JSON envelope, so a 2xx without
 * one (a proxy's page) proves nothing was sent and is retried rather than counted as sent.
 */
export function byStatus(status: number, body: string, jsonExpected: boolean): ChannelOutcome {
  const snippet = cutChars(oneLine(body), REASON_CHARS);
  if (status >= 200 && status < 300) return jsonExpected ? { kind: 'retry', reason: `HTTP ${status} without a readable answer: ${snippet}` } : { kind: 'sent' };
  if (status === 408 || status === 429 || status >= 500) return { kind: 'retry', reason: `HTTP ${status}${snippet ? `: ${snippet}` : ''}` };
  return { kind: 'refused', reason: `HTTP ${status}${snippet ? `: ${snippet}` : ''}` };
}
