/** What a JOS call answered. */
export type JosResult =
  /** The method's payload: the object under the response's single root key (`<method>_responce`). */
  | { kind: 'ok'; key: string; payload: Record<string, unknown> }
  /** The gateway refused the call: `error_response` (code `12` is a bad signature, PARTIAL). */
  | { kind: 'error'; code: string; zhDesc?: string; enDesc?: string }
  /** Not a JOS answer at all (HTML error page, truncated body, 5xx). */
  | { kind: 'unreadable'; reason: string };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined => (typeof value === 'string' || typeof value === 'number' ? String(value) : undefined);

/**
 * Read a JOS answer. Errors come as HTTP 200 with `{"error_response":{code, zh_desc, en_desc}}`
 * (PARTIAL: JD's Python SDK `JosException`, the decompiled Java `AbstractResponse`); a success is
 * one root key wrapping the payload, which the Java SDK's `JsonParser` unwraps whatever its name.
 */
export function readJosResponse(status: number, body: string): JosResult {
  if (status < 200 || status >= 300) return { kind: 'unreadable', reason: `HTTP ${status}` };
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { kind: 'unreadable', reason: 'body is not JSON' };
  }
  if (!isObject(json)) return { kind: 'unreadable', reason: 'body is not a JSON object' };
  const error = json.error_response;
  if (isObject(error)) {
    const zhDesc = text(error.zh_desc);
    const enDesc = text(error.en_desc);
    return { kind: 'error', code: text(error.code) ?? '', ...(zhDesc === undefined ? {} : { zhDesc }), ...(enDesc === undefined ? {} : { enDesc }) };
  }
  const [key, payload] = Object.entries(json)[0] ?? [];
  if (key === undefined || !isObject(payload)) return { kind: 'unreadable', reason: 'no response object' };
  return { kind: 'ok', key, payload };
}

/** Make a JOS call; network failures come back as `unreadable`, never thrown. */
export async function callJos(request: Request): Promise<JosResult> {
  try {
    const response = await fetch(request);
    return readJosResponse(response.status, await response.text());
  } catch (error) {
    return { kind: 'unreadable', reason: error instanceof Error ? error.message : String(error) };
  }
}
