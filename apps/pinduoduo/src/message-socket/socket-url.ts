import { pddMessageSocketPath } from '@kefu/wire';

/** How a base URL's scheme maps to what workerd's `fetch` takes to open a WebSocket. */
const FETCH_SCHEME: Readonly<Record<string, string>> = { 'wss:': 'https:', 'https:': 'https:', 'ws:': 'http:', 'http:': 'http:' };

/**
 * The URL to open the message-service socket with: `{base}/message/{client_id}/{timestamp_ms}/{sign}`
 * (protocols §3.2, PARTIAL sign encoding: see `pddMessageSocketPath`). workerd opens outbound
 * WebSockets with `fetch(…, { headers: { Upgrade: 'websocket' } })`, which takes http(s) URLs, so
 * `wss://` becomes `https://` (and `ws://`, used locally, `http://`).
 * Throws a RangeError naming the var when the base is not a URL of one of those schemes.
 */
export function messageSocketUrl(base: string, clientId: string, secret: string, now: number): string {
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw new RangeError(`PDD_MESSAGE_WS_BASE is not a URL: ${JSON.stringify(base)}`);
  }
  const scheme = FETCH_SCHEME[url.protocol];
  if (!scheme) throw new RangeError(`PDD_MESSAGE_WS_BASE must be wss://, ws://, https:// or http://, got ${url.protocol}`);
  const path = url.pathname.replace(/\/+$/, '') + pddMessageSocketPath(clientId, now, secret);
  return `${scheme}//${url.host}${path}`;
}
