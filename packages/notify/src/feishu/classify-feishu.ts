import type { ChannelOutcome } from '../delivery/outcome.ts';
import { byStatus, readJson, reasonOf } from '../delivery/outcome.ts';

/**
 * Rate-limit codes: 11232 for a custom bot over 100/min or 5/s (CONFIRMED: the custom-bot guide
 * names "11232 限流错误", open.larkoffice.com/document/ukTMukTMukTM/ucTM5YjL3ETO24yNxkjN); 99991400
 * "request trigger frequency limit" for OpenAPI gateways (CONFIRMED:
 * open.feishu.cn/document/server-docs/api-call-guide/frequency-control). Both answer with
 * "frequency limited …" messages (PARTIAL: third-party logs), which we also recognise.
 * The penalty length is UNCONFIRMED: we wait out one minute window.
 */
const THROTTLE_CODES = new Set([11232, 99991400]);
const THROTTLE_MS = 60_000;

/**
 * Feishu answers `{code, msg, data}`; older hooks `{StatusCode, StatusMessage}` (PARTIAL). Refused:
 * 19021 sign or timestamp, 19022 IP, 19024 keyword, 9499 bad request (PARTIAL: protocols §6.2,
 * github.com/feiyu563/PrometheusAlert/issues/422), and any other non-zero code.
 */
export function classifyFeishu(status: number, body: string): ChannelOutcome {
  const json = readJson(body);
  const raw = json?.code ?? json?.StatusCode;
  const code = typeof raw === 'number' ? raw : undefined;
  if (code === 0) return { kind: 'sent' };
  if (code === undefined) return byStatus(status, body, true);
  const message = json?.msg ?? json?.StatusMessage;
  const reason = reasonOf(code, message);
  if (THROTTLE_CODES.has(code) || (typeof message === 'string' && /frequency limit/i.test(message))) return { kind: 'throttled', retryAfterMs: THROTTLE_MS, reason };
  if (status === 429 || status >= 500) return { kind: 'retry', reason };
  return { kind: 'refused', reason };
}
