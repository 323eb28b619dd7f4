import { parseKeepingLongIntegers } from './lossless-json.ts';
import { topRequestParams, type TopCall } from './request.ts';

/** How a TOP call went. */
export type TopResult =
  /** The method's response object (`tmc_messages_consume_response`…), long integers as strings. */
  | { kind: 'ok'; response: Record<string, unknown> }
  /** TOP refused the call (`error_response`): bad signature (25), App Call Limited (7), an isv.* business error… */
  | { kind: 'error'; code: string; msg: string; subCode?: string; subMsg?: string }
  /** No answer from TOP: network, HTTP status, a body that is not TOP's JSON. Try again later. */
  | { kind: 'unavailable'; reason: string };

const TIMEOUT_MS = 10_000;

/**
 * The key TOP wraps a method's answer in: `taobao.tmc.messages.consume` → `tmc_messages_consume_response`
 * (alibaba/top test fixture; bububa/opentaobao xml names `tmc_messages_consume_response`, `tmc_messages_confirm_response`).
 */
export function responseKey(method: string): string {
  return `${method.replace(/^taobao\./, '').replaceAll('.', '_')}_response`;
}

/** POST one signed, form-encoded call to `{base}/router/rest`. Never throws. */
export async function callTop(base: string, call: TopCall): Promise<TopResult> {
  const body = new URLSearchParams(topRequestParams(call));
  let text: string;
  try {
    const response = await fetch(`${base.replace(/\/+$/, '')}/router/rest`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' },
      body,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    text = await response.text();
    if (!response.ok) return { kind: 'unavailable', reason: `TOP answered HTTP ${response.status}` };
  } catch (error) {
    return { kind: 'unavailable', reason: `TOP unreachable: ${error instanceof Error ? error.message : String(error)}` };
  }
  let json: unknown;
  try {
    json = parseKeepingLongIntegers(text);
  } catch {
    return { kind: 'unavailable', reason: 'TOP answered with a body that is not JSON' };
  }
  const root = asObject(json);
  const error = asObject(root?.error_response);
  if (error) {
    const field = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);
    return { kind: 'error', code: field(error.code) ?? '?', msg: field(error.msg) ?? '', ...optional('subCode', field(error.sub_code)), ...optional('subMsg', field(error.sub_msg)) };
  }
  const response = asObject(root?.[responseKey(call.method)]);
  return response ? { kind: 'ok', response } : { kind: 'unavailable', reason: `TOP answered without ${responseKey(call.method)}` };
}

/** One line for the log: `TOP error 7 App Call Limited (accesscontrol.limited-by-app-access-count)`. */
export function describeTopError(e: Extract<TopResult, { kind: 'error' }>): string {
  return `TOP error ${e.code} ${e.msg}${e.subCode ? ` (${e.subCode}${e.subMsg ? `: ${e.subMsg}` : ''})` : ''}`;
}

export function asObject(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}
