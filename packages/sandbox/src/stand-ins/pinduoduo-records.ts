import type { Recorded, SandboxState } from '../server/types.ts';

/**
 * Record a WebSocket event (a connection attempt or a client frame) the way HTTP requests are
 * recorded, so `GET /__sandbox/requests?channel=pinduoduo` lists it beside them, numbered by the sandbox.
 */
export function recordSocketEvent(
  sandbox: SandboxState,
  event: { channel: string; path: string; body: string; status: number; query?: Record<string, string>; headers?: Record<string, string> },
): Recorded {
  let parsed: unknown;
  try {
    parsed = JSON.parse(event.body);
  } catch {
    parsed = undefined;
  }
  return sandbox.record({
    channel: event.channel,
    at: Date.now(),
    method: 'WS',
    path: event.path,
    query: event.query ?? {},
    headers: event.headers ?? {},
    body: event.body,
    ...(parsed === undefined ? {} : { parsed }),
    status: event.status,
  });
}
