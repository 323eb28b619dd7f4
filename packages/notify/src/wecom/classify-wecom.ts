import type { ChannelOutcome } from '../delivery/outcome.ts';
import { byStatus, readJson, reasonOf } from '../delivery/outcome.ts';

/**
 * 45009 "api freq out of limit" is the robot's rate-limit errcode (PARTIAL: WeChat-family code,
 * treated as the group robot's 20/min limit by several third-party clients and tests; protocols
 * §6.3 lists it as UNCONFIRMED). The limit is per minute, so we wait one minute (UNCONFIRMED).
 */
const THROTTLE_CODE = 45009;
const THROTTLE_MS = 60_000;
/** -1 系统繁忙 (PARTIAL: WeChat-family global code). */
const BUSY = -1;

/**
 * `{errcode, errmsg}` at HTTP 200. Refused: 93000 "invalid webhook url" (a removed robot or wrong
 * key), 40058 "markdown.content exceed max length 4096" (PARTIAL: third-party tests), and any other
 * non-zero errcode.
 */
export function classifyWecom(status: number, body: string): ChannelOutcome {
  const json = readJson(body);
  const code = typeof json?.errcode === 'number' ? json.errcode : undefined;
  if (code === 0) return { kind: 'sent' };
  if (code === undefined) return byStatus(status, body, true);
  const reason = reasonOf(code, json?.errmsg);
  if (code === THROTTLE_CODE) return { kind: 'throttled', retryAfterMs: THROTTLE_MS, reason };
  if (code === BUSY || status === 429 || status >= 500) return { kind: 'retry', reason };
  return { kind: 'refused', reason };
}
