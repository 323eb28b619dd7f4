import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { FaultTable } from './faults.ts';
import { renderPage } from './page.ts';
import { parseBody } from './parse-body.ts';
import type { Faults, Recorded, Reply, Route, SandboxRequest, SandboxState, StandIn } from './types.ts';

export type SandboxOptions = {
  standIns: StandIn[];
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  config?: Record<string, string>;
  /** Don't keep the Node process alive for the sandbox alone (test runners). */
  unref?: boolean;
};

/** A running sandbox. */
export type Sandbox = { url: string; state: SandboxState; faults: FaultTable; close(): Promise<void> };

const MAX_BODY = 4 * 1024 * 1024;

/**
 * Start the local stand-in for the platform APIs and team channels. Every request is recorded;
 * `/__sandbox/*` is the control API tests and the CLI use:
 *   GET    /__sandbox/requests?channel=&since=   what was received
 *   DELETE /__sandbox/requests                   forget it (and clear faults)
 *   POST   /__sandbox/inbox/<key>                queue items for a pull platform (JSON array)
 *   POST   /__sandbox/faults/<channel>           make a channel fail / slow / hold (`*` for all)
 *   POST   /__sandbox/release                    let held calls go on
 */
export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  const records: Recorded[] = [];
  let seq = 0;
  const inboxes = new Map<string, unknown[]>();
  const listeners = new Map<string, Set<() => void>>();
  const faults = new FaultTable();
  const state: SandboxState = {
    records,
    config: options.config ?? {},
    record: (entry) => {
      const recorded: Recorded = { ...entry, seq: ++seq };
      records.push(recorded);
      return recorded;
    },
    inbox: (key) => inboxes.get(key) ?? (inboxes.set(key, []).get(key) as unknown[]),
    onInbox: (key, listener) => {
      const set = listeners.get(key) ?? (listeners.set(key, new Set()).get(key) as Set<() => void>);
      set.add(listener);
      return () => set.delete(listener);
    },
  };
  const routes = options.standIns.flatMap((s) => s.routes);

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => send(res, { status: 500, json: { error: String(error) } }));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const body = await readBody(req);
    if (url.pathname === '/' && req.method === 'GET') return send(res, { text: renderPage(records), headers: { 'content-type': 'text/html; charset=utf-8' } });
    if (url.pathname.startsWith('/__sandbox/')) return send(res, control(req.method ?? 'GET', url, body));
    const request: SandboxRequest = {
      at: Date.now(),
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')])),
      body,
      parsed: parseBody(body, req.headers['content-type']),
    };
    const route = routes.find((r) => r.method === request.method && (typeof r.path === 'string' ? r.path === url.pathname : r.path.test(url.pathname)));
    const named = typeof route?.channel === 'function' ? route.channel(request) : route?.channel;
    const channel = !named ? 'unknown' : named === 'team' || named === 'recorder' ? `${named}:${url.pathname.split('/').pop()}` : named;
    const record: Recorded = { ...request, seq: ++seq, channel, status: 0 };
    records.push(record);
    const fault = await faults.apply(channel);
    if (fault.fail) {
      record.status = fault.with === 'drop' ? 'dropped' : fault.with;
      if (fault.with === 'drop') return void res.socket?.destroy();
      return send(res, { status: fault.with, json: { error: 'sandbox fault' } });
    }
    const reply = route ? await route.handle(request, state) : { status: 404, json: { error: `no stand-in for ${request.method} ${url.pathname}` } };
    record.status = reply.status ?? 200;
    send(res, reply);
  }

  function control(method: string, url: URL, body: string): Reply {
    const [, , what, arg] = url.pathname.split('/');
    if (what === 'requests' && method === 'GET') {
      const channel = url.searchParams.get('channel');
      const since = Number(url.searchParams.get('since') ?? 0);
      return { json: records.filter((r) => r.seq > since && (!channel || r.channel === channel || r.channel.startsWith(`${channel}:`))) };
    }
    if (what === 'requests' && method === 'DELETE') {
      records.length = 0;
      faults.clear();
      return { json: { ok: true } };
    }
    if (what === 'inbox' && method === 'POST' && arg) {
      const items = JSON.parse(body) as unknown[];
      state.inbox(decodeURIComponent(arg)).push(...items);
      for (const listener of listeners.get(decodeURIComponent(arg)) ?? []) listener();
      return { json: { queued: items.length } };
    }
    if (what === 'faults' && method === 'POST' && arg) {
      faults.set(decodeURIComponent(arg), JSON.parse(body || '{}') as Faults);
      return { json: { ok: true } };
    }
    if (what === 'release' && method === 'POST') return { json: { released: faults.release() } };
    return { status: 404, json: { error: `unknown control ${method} ${url.pathname}` } };
  }

  const sockets = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) => {
    const path = new URL(req.url ?? '/', 'http://sandbox').pathname;
    const route = options.standIns.flatMap((s) => s.sockets ?? []).find((r) => r.path.test(path));
    if (!route) return void socket.destroy();
    sockets.handleUpgrade(req, socket, head, (ws) => route.onConnection(ws, req, state));
  });

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  if (options.unref) server.unref();
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    state,
    faults,
    close: () =>
      new Promise<void>((resolve) => {
        faults.release();
        for (const client of sockets.clients) client.terminate();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function send(res: ServerResponse, reply: Reply): void {
  if (res.headersSent) return;
  const headers = { ...reply.headers };
  let payload = reply.text ?? '';
  if (reply.json !== undefined) {
    payload = JSON.stringify(reply.json);
    headers['content-type'] ??= 'application/json; charset=utf-8';
  }
  res.writeHead(reply.status ?? 200, headers).end(payload);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error('body too large for the sandbox');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
