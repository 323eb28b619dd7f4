import type { IncomingMessage } from 'node:http';
import type { WebSocket } from 'ws';

/** One request the sandbox received, as it arrived. */
export type Recorded = {
  /** Increasing: `?since=` pages through the log. */
  seq: number;
  /** Which stand-in took it: `wecom`, `douyin`, `team:<name>`… or `unknown`. */
  channel: string;
  at: number;
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: string;
  /** The body parsed as JSON or a form, when it was one. */
  parsed?: unknown;
  /** What the sandbox answered (status), or that it dropped the connection as a fault. */
  status: number | 'dropped';
};

/** What a stand-in answers. */
export type Reply = { status?: number; json?: unknown; text?: string; headers?: Record<string, string> };

/** A request as the stand-ins see it. */
export type SandboxRequest = Omit<Recorded, 'seq' | 'status' | 'channel'>;

/** One endpoint of a platform or team channel stand-in. */
export type Route = {
  method: 'GET' | 'POST' | 'PUT';
  /** Matched against the path without the query. */
  path: string | RegExp;
  /** Where it is recorded (and where faults apply); a function when one path serves several APIs (TOP's `method`). */
  channel: string | ((request: SandboxRequest) => string);
  handle(request: SandboxRequest, sandbox: SandboxState): Reply | Promise<Reply>;
};

/** A WebSocket endpoint (Pinduoduo's message service). */
export type SocketRoute = {
  path: RegExp;
  channel: string;
  onConnection(socket: WebSocket, request: IncomingMessage, sandbox: SandboxState): void;
};

/** A platform or team channel stand-in: its endpoints, and how a worker is pointed at it. */
export type StandIn = {
  name: string;
  routes: Route[];
  sockets?: SocketRoute[];
  /** Worker vars holding an outbound base URL: locally they point at the sandbox (`WECOM_API_BASE`…). */
  baseUrlVars?: string[];
  /** Made-up credentials the stand-in checks and the local worker is given (never real ones). */
  credentials?: Record<string, string>;
  /** The stand-in plays an API the operator's tools call (`cs rules` → Cloudflare), not the workers: its credentials are not bound to workers. */
  operator?: boolean;
};

/** How a channel misbehaves, for reliability tests. */
export type Faults = {
  /** Fail this fraction of calls (0…1), deterministically: every call whose running count crosses a multiple fails. */
  failRate?: number;
  /** Status to fail with (default 503); `drop` closes the connection without an answer. */
  failWith?: number | 'drop';
  /** Hold every call this long before answering (a slow or timing-out API). */
  delayMs?: number;
  /** Hold calls until released (`POST /__sandbox/release`): proves an ack does not wait on a send. */
  hold?: boolean;
};

/** The state stand-ins share: queued inbound items (for pull platforms) and the record. */
export type SandboxState = {
  /** Items queued for a platform to hand out (WeCom sync_msg, TMC consume, PDD pushes). */
  inbox(key: string): unknown[];
  /** Called when an inbox gets new items (sockets push them at once). */
  onInbox(key: string, listener: () => void): () => void;
  records: Recorded[];
  /** Record something that arrived outside HTTP (a WebSocket frame), numbered with the HTTP records. */
  record(entry: Omit<Recorded, 'seq'>): Recorded;
  /** Secrets and ids the stand-ins check requests against (app keys, tokens). */
  config: Record<string, string>;
};
