import type { ChannelOutcome } from '../delivery/outcome.ts';
import { byStatus, readJson, reasonOf } from '../delivery/outcome.ts';

/**
 * Rate-limit errcodes. 130101 "send too fast, exceed 20 times per minute" is PARTIAL: quoted in
 * copies of DingTalk's doc (blog.csdn.net/jialiuyang/article/details/118615052) and handled by
 * several third-party clients; 660026 "sending too many messages per minute" is UNCONFIRMED (one
 * third-party mock). Exceeding the limit blocks the robot for 10 minutes (PARTIAL: same copies;
 * violetpupil/gos `api/ding/ding.go` comment), so that is how long we wait.
 */
const THROTTLE_CODES = new Set([130101, 660026]);
const THROTTLE_MS = 10 * 60_000;
/** -1 系统繁忙 "retry later" (PARTIAL: CSDN copies of DingTalk's global error codes). */
const BUSY = -1;

/**
 * Every DingTalk answer is HTTP 200 with `{errcode, errmsg}` (PARTIAL: third-party tests). Refused:
 * 310000 sign/keyword/IP ("sign not match", "keywords not in content"), 300001/300005 "token is not
 * exist", 40035 missing parameter (PARTIAL: third-party comments and tests); any other errcode too,
 * since resending the same message cannot fix it.
 */
export function classifyDingtalk(status: number, body: string): ChannelOutcome {
  const json = readJson(body);
  const code = typeof json?.errcode === 'number' ? json.errcode : undefined;
  if (code === 0) return { kind: 'sent' };
  if (code === undefined) return byStatus(status, body, true);
  const reason = reasonOf(code, json?.errmsg);
  if (THROTTLE_CODES.has(code)) return { kind: 'throttled', retryAfterMs: THROTTLE_MS, reason };
  if (code === BUSY || status === 429 || status >= 500) return { kind: 'retry', reason };
  return { kind: 'refused', reason };
}
