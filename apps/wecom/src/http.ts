/** A WeCom HTTP answer: a JSON object, or why there is none. */
export type JsonAnswer =
  /** HTTP 2xx with a JSON object body (WeCom reports its own errors inside, as `errcode`). */
  | { kind: 'json'; body: Record<string, unknown> }
  /** Network error, timeout, 5xx or 429, or a body that is not JSON: worth retrying. */
  | { kind: 'retry'; reason: string }
  /** Another HTTP status (a wrong WECOM_API_BASE, say): retrying will not help. */
  | { kind: 'refused'; reason: string };

/** WeCom answers in well under a second; a call that hangs is abandoned and retried. */
const TIMEOUT_MS = 10_000;

export function getJson(url: string): Promise<JsonAnswer> {
  return call(url, { method: 'GET' });
}

export function postJson(url: string, body: unknown): Promise<JsonAnswer> {
  return call(url, { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(body) });
}

// The URL carries access_token or corpsecret: it is never put in a reason or a log.
async function call(url: string, init: RequestInit): Promise<JsonAnswer> {
  const path = new URL(url).pathname;
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    return { kind: 'retry', reason: `${path}: network error (${error instanceof Error ? error.name : 'unknown'})` };
  }
  const text = await response.text().catch(() => '');
  if (response.status >= 500 || response.status === 429) return { kind: 'retry', reason: `${path}: HTTP ${response.status}` };
  if (!response.ok) return { kind: 'refused', reason: `${path}: HTTP ${response.status}` };
  try {
    const body: unknown = JSON.parse(text);
    if (typeof body === 'object' && body !== null && !Array.isArray(body)) return { kind: 'json', body: body as Record<string, unknown> };
  } catch {
    // fall through
  }
  return { kind: 'retry', reason: `${path}: answer is not a JSON object` };
}
