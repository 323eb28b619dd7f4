import { safeEqual, signTop, TOP_SIGN_METHODS } from '@kefu/wire';
import type { Recorded, Reply, SandboxRequest, SandboxState } from '../server/types.ts';

/**
 * The TOP gateway's (淘宝开放平台 `/router/rest`) checks and envelopes, as the stand-in plays them.
 *
 * Error codes and messages: `25 Invalid signature`, `22 Invalid method` and `27 Invalid session`
 * are quoted from real responses (alibaba/top test/client.test.js; many SDK comments for 25). The
 * other codes follow a third-party copy of TOP's platform error table (PARTIAL); their `msg` texts
 * are UNCONFIRMED.
 */
export const TOP_ERRORS = {
  missingMethod: [21, 'Missing method'],
  invalidMethod: [22, 'Invalid method'],
  invalidFormat: [23, 'Invalid format'],
  missingSignature: [24, 'Missing signature'],
  invalidSignature: [25, 'Invalid signature'],
  missingAppKey: [28, 'Missing app key'],
  invalidAppKey: [29, 'Invalid app key'],
  missingTimestamp: [30, 'Missing timestamp'],
  invalidTimestamp: [31, 'Invalid timestamp'],
  missingVersion: [32, 'Missing version'],
  invalidVersion: [33, 'Invalid version'],
  missingArguments: [40, 'Missing required arguments'],
  invalidArguments: [41, 'Invalid arguments'],
} as const satisfies Record<string, readonly [number, string]>;

/** How far the request's timestamp may be from the gateway's clock (UNCONFIRMED: TOP's exact window is not published in the corpus). */
const MAX_SKEW_MS = 10 * 60_000;

let requestIds = 0;
const requestId = () => `sandbox${(requestIds += 1).toString(36)}`;

/** `{"error_response":{code,msg[,sub_code,sub_msg],request_id}}`, HTTP 200, as TOP answers errors. */
export function topError(error: readonly [number, string], sub?: { sub_code: string; sub_msg: string }): Reply {
  const [code, msg] = error;
  return { json: { error_response: { code, msg, ...sub, request_id: requestId() } } };
}

/**
 * A method's success envelope `{"<method without taobao., dots as _>_response": {...}}`. `members`
 * (JSON object members, no braces) is spliced in as is, so 64-bit ids stay JSON numbers the way
 * TOP sends them (alibaba/top test/fixtures/tmc_messages_consume_response.json).
 */
export function topResponse(method: string, members: string): Reply {
  const key = `${method.replace(/^taobao\./, '').replaceAll('.', '_')}_response`;
  const inner = members ? `${members},` : '';
  return { text: `{"${key}":{${inner}"request_id":"${requestId()}"}}`, headers: { 'content-type': 'application/json;charset=UTF-8' } };
}

/** System and application parameters: TOP reads both the query string and the form body. */
export function topParams(request: SandboxRequest): Record<string, string> {
  const form = request.parsed && typeof request.parsed === 'object' && !Array.isArray(request.parsed) ? (request.parsed as Record<string, unknown>) : {};
  const fromForm = Object.fromEntries(Object.entries(form).filter((e): e is [string, string] => typeof e[1] === 'string'));
  return { ...request.query, ...fromForm };
}

/** The gateway's checks, in TOP's order: method, app key, timestamp, version, format, signature. */
export function checkTopRequest(params: Record<string, string>, config: Record<string, string>, now: number): Reply | undefined {
  if (!params.method) return topError(TOP_ERRORS.missingMethod);
  if (!params.app_key) return topError(TOP_ERRORS.missingAppKey);
  if (params.app_key !== config.TAOBAO_APP_KEY) return topError(TOP_ERRORS.invalidAppKey);
  if (!params.timestamp) return topError(TOP_ERRORS.missingTimestamp);
  const at = fromChinaTime(params.timestamp);
  if (at === undefined || Math.abs(now - at) > MAX_SKEW_MS) return topError(TOP_ERRORS.invalidTimestamp);
  if (!params.v) return topError(TOP_ERRORS.missingVersion);
  if (params.v !== '2.0') return topError(TOP_ERRORS.invalidVersion);
  // TOP also speaks XML; the stand-in plays JSON only, and says so rather than answering in the wrong format.
  if ((params.format ?? 'xml') !== 'json') return topError(TOP_ERRORS.invalidFormat, { sub_code: 'sandbox.json-only', sub_msg: 'the sandbox plays format=json only' });
  if (!params.sign) return topError(TOP_ERRORS.missingSignature);
  const method = params.sign_method ?? 'md5';
  if (!(TOP_SIGN_METHODS as readonly string[]).includes(method)) return topError(TOP_ERRORS.invalidSignature);
  const { sign, ...signed } = params;
  const expected = signTop(signed, config.TAOBAO_APP_SECRET ?? '');
  return safeEqual(sign.toUpperCase(), expected) ? undefined : topError(TOP_ERRORS.invalidSignature);
}

/** `yyyy-MM-dd HH:mm:ss` in GMT+8 to epoch ms. */
function fromChinaTime(value: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(value);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  return Date.UTC(y, mo - 1, d, h - 8, mi, s);
}
