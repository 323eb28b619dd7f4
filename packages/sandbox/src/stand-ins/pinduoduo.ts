import { pddMessageSocketPath, safeEqual } from '@kefu/wire';
import type { WebSocket } from 'ws';
import type { SandboxState, StandIn } from '../server/types.ts';
import { hubOf, type Hub } from './pinduoduo-hub.ts';
import { recordSocketEvent } from './pinduoduo-records.ts';

/** Local message-service credentials (made up). */
const credentials = { PDD_CLIENT_ID: 'pdd-local-client', PDD_CLIENT_SECRET: 'pdd-local-secret' };

/** A connection signed this far from now is refused (the real window is UNCONFIRMED). */
const MAX_SKEW_MS = 10 * 60_000;

const MESSAGE_PATH = /^\/message\/([^/]+)\/(\d{1,16})\/([^/]+)$/;

/** Why a connection path is refused, or undefined when it is signed with the app's secret. */
function refusal(path: string, sandbox: SandboxState): string | undefined {
  const m = MESSAGE_PATH.exec(path);
  if (!m) return 'path is not /message/{client_id}/{timestamp}/{sign}';
  const clientId = decodeURIComponent(m[1] as string);
  const ts = Number(m[2]);
  if (clientId !== sandbox.config.PDD_CLIENT_ID) return 'unknown client_id';
  if (Math.abs(Date.now() - ts) > MAX_SKEW_MS) return 'timestamp too far from now';
  const expected = pddMessageSocketPath(clientId, ts, sandbox.config.PDD_CLIENT_SECRET ?? '');
  return safeEqual(path, expected) ? undefined : 'sign mismatch';
}

/** Long fields of a client frame as digits (ids may exceed 2^53, so not through JSON numbers). */
const rawLong = (text: string, field: string) => new RegExp(`"${field}"\\s*:\\s*(\\d+)`).exec(text)?.[1];

/** One client frame: heartbeats are answered, acks settle a pending message. */
function onFrame(text: string, socket: WebSocket, path: string, hub: Hub, sandbox: SandboxState): void {
  let frame: { commandType?: unknown; type?: unknown } | undefined;
  try {
    frame = JSON.parse(text) as typeof frame;
  } catch {
    frame = undefined;
  }
  if (frame?.commandType === 'HeartBeat') {
    recordSocketEvent(sandbox, { channel: 'pinduoduo:heartbeat', path, body: text, status: 200 });
    socket.send(JSON.stringify({ commandType: 'HeartBeat', time: Date.now() }));
    return;
  }
  if (frame?.commandType === 'Ack') {
    const id = rawLong(text, 'id') ?? '';
    const sent = hub.pending.get(id) ?? hub.settled.get(id);
    // The ack must echo the message it settles, or the server would keep resending it.
    const matches = sent !== undefined && rawLong(text, 'sendTime') === sent.sendTime && rawLong(text, 'mallID') === sent.mallID && frame.type === sent.type;
    if (matches && hub.pending.delete(id)) {
      hub.settled.set(id, sent);
      if (hub.settled.size > 1000) hub.settled.delete(hub.settled.keys().next().value as string);
    }
    recordSocketEvent(sandbox, { channel: 'pinduoduo:ack', path, body: text, status: matches ? 200 : 400 });
    return;
  }
  recordSocketEvent(sandbox, { channel: 'pinduoduo:unknown_frame', path, body: text, status: 400 });
}

/**
 * The 拼多多 message service (消息服务, protocols §3.2): a WebSocket at
 * `/message/{client_id}/{timestamp_ms}/{sign}`, sign checked like `pddMessageSocketPath` (a wrong
 * one is closed with 1008). Messages queued at `POST /__sandbox/inbox/pinduoduo:messages` are
 * pushed as `Common` frames at once to a connected client; one not acked within 3 s is sent again,
 * also after a reconnect. Heartbeats are answered. `pinduoduo:control` items `{ "close": code }`
 * close every connection (a server restart). Recorded channels: `pinduoduo:connect`,
 * `pinduoduo:heartbeat`, `pinduoduo:ack` (400 when it matches no pending message).
 */
export const pinduoduo: StandIn = {
  name: 'pinduoduo',
  credentials,
  baseUrlVars: ['PDD_MESSAGE_WS_BASE'],
  routes: [],
  sockets: [
    {
      path: /^\/message\/.+/,
      channel: 'pinduoduo:connect',
      onConnection(socket, request, sandbox) {
        const path = new URL(request.url ?? '/', 'http://sandbox').pathname;
        const hub = hubOf(sandbox);
        const why = refusal(path, sandbox);
        recordSocketEvent(sandbox, { channel: 'pinduoduo:connect', path, body: why ?? '', status: why ? 401 : 101 });
        if (why) return socket.close(1008, why);
        hub.sockets.add(socket);
        socket.on('message', (data) => onFrame(String(data), socket, path, hub, sandbox));
        socket.on('close', () => hub.sockets.delete(socket));
        // A new connection gets what the last one left unacked, then anything queued meanwhile.
        for (const p of hub.pending.values()) {
          p.sentAt = Date.now();
          socket.send(p.text);
        }
        hub.deliver();
      },
    },
  ],
};
