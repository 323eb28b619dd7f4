import { dispatch } from '@kefu/runtime';
import { DurableObject } from 'cloudflare:workers';
import { ackFrame, heartbeatFrame, parseFrame } from './frames.ts';
import { orderMessage } from './order-messages.ts';
import { messageSocketUrl } from './socket-url.ts';
import { SocketStats, type Counter } from './socket-stats.ts';

/** Heartbeat interval and silence limit of the official SDK's WsClient (izerui/pinduoduo `libs/README.md`). */
export const HEARTBEAT_MS = 10_000;
export const SILENCE_LIMIT_MS = 3 * 60_000;
const BACKOFF_MAX_MS = 60_000;
/** An upgrade the server never answers must not hold the alarm (and every later connect) forever. */
const CONNECT_TIMEOUT_MS = 15_000;

/** Wait before reconnect attempt n (1, 2, 4 … 60 s). */
export const reconnectDelay = (failures: number) => Math.min(1000 * 2 ** Math.max(0, failures - 1), BACKOFF_MAX_MS);

/** What the alarm does: connect when there is no socket, reconnect a silent one, else heartbeat. */
export function alarmStep(connected: boolean, lastFrameAt: number | null, now: number): 'connect' | 'reconnect' | 'heartbeat' {
  if (!connected) return 'connect';
  return now - (lastFrameAt ?? 0) > SILENCE_LIMIT_MS ? 'reconnect' : 'heartbeat';
}

/** What the socket is doing (RPC, for operators and tests). */
export type SocketStatus = {
  connected: boolean;
  /** When the last frame of any kind arrived (epoch ms). */
  lastFrameAt: number | null;
  /** Messages acked, after their events were recorded (or counted as unhandled). */
  acked: number;
  counts: Record<Counter, number>;
  /** Message types acked without acting on them, with how many came. */
  unhandledTypes: Record<string, number>;
  lastError: { reason: string; at: number } | null;
  nextAlarmAt: number | null;
};

/**
 * Holds PDD's message-service WebSocket (消息服务, protocols §3.2): one per app (client_id).
 * Every `Common` frame's events are durably recorded in their conversations (`dispatch`) before the
 * Ack goes back, so a crash between the two means a redelivery, never a lost message. An alarm
 * sends the heartbeat every 10 s, reconnects with backoff after a close or error, and reconnects
 * when nothing has come for 3 min. The cron calls `ensureConnected()` every minute in case the
 * object was restarted (a deploy drops the socket; the alarm survives, the cron is the backstop).
 */
export class PddMessageSocket extends DurableObject<Env> {
  #socket: WebSocket | undefined;
  #opening: Promise<void> | undefined;
  #lastFrameAt: number | null = null;
  /** Failed connects (or connections dropped before a first frame) in a row: the backoff. */
  #failures = 0;
  /** Frames are handled one at a time, in arrival order. */
  #frames: Promise<void> = Promise.resolve();
  readonly #stats: SocketStats;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.#stats = new SocketStats(ctx.storage.kv);
  }

  /** Connect unless connected, and keep the heartbeat alarm armed. */
  async ensureConnected(): Promise<SocketStatus> {
    if (!this.#socket) await this.#open();
    else if ((await this.ctx.storage.getAlarm()) === null) await this.ctx.storage.setAlarm(Date.now() + HEARTBEAT_MS);
    return this.status();
  }

  async status(): Promise<SocketStatus> {
    const counts = this.#stats.counts();
    return { connected: this.#socket !== undefined, lastFrameAt: this.#lastFrameAt, acked: counts.acked, counts, unhandledTypes: this.#stats.byType(), lastError: this.#stats.lastError(), nextAlarmAt: await this.ctx.storage.getAlarm() };
  }

  /** Heartbeat, silence check, or the next reconnect attempt. */
  override async alarm(): Promise<void> {
    const socket = this.#socket;
    const step = alarmStep(socket !== undefined, this.#lastFrameAt, Date.now());
    if (!socket || step === 'connect') return this.#open();
    if (step === 'reconnect') {
      this.#drop(socket, 'no frame or heartbeat answer for 3 min');
      return this.#open();
    }
    if (this.#send(socket, heartbeatFrame(Date.now()))) this.#stats.bump('heartbeats');
    await this.ctx.storage.setAlarm(Date.now() + HEARTBEAT_MS);
  }

  #open(): Promise<void> {
    this.#opening ??= this.#connect().finally(() => {
      this.#opening = undefined;
    });
    return this.#opening;
  }

  async #connect(): Promise<void> {
    let socket: WebSocket;
    try {
      const url = messageSocketUrl(this.env.PDD_MESSAGE_WS_BASE, this.env.PDD_CLIENT_ID, this.env.PDD_CLIENT_SECRET, Date.now());
      const response = await fetch(url, { headers: { Upgrade: 'websocket' }, signal: AbortSignal.timeout(CONNECT_TIMEOUT_MS) });
      if (!response.webSocket) throw new Error(`message service answered ${response.status} without a WebSocket`);
      socket = response.webSocket;
      socket.accept();
    } catch (error) {
      this.#stats.bump('connectFailures');
      return this.#retryLater(error instanceof Error ? error.message : String(error));
    }
    this.#socket = socket;
    this.#lastFrameAt = Date.now();
    socket.addEventListener('message', (event) => this.#onMessage(socket, event.data));
    socket.addEventListener('close', (event) => this.#onGone(socket, `closed by the server (${event.code}${event.reason ? ` ${event.reason}` : ''})`));
    socket.addEventListener('error', () => this.#onGone(socket, 'socket error'));
    this.#stats.bump('connects');
    if (this.#send(socket, heartbeatFrame(Date.now()))) this.#stats.bump('heartbeats');
    await this.ctx.storage.setAlarm(Date.now() + HEARTBEAT_MS);
  }

  async #retryLater(reason: string): Promise<void> {
    this.#failures += 1;
    this.#stats.recordError(reason);
    const delay = reconnectDelay(this.#failures);
    console.warn(`pinduoduo message socket: ${reason}; reconnecting in ${delay} ms`);
    await this.ctx.storage.setAlarm(Date.now() + delay);
  }

  #onGone(socket: WebSocket, reason: string): void {
    if (this.#socket !== socket) return;
    this.#socket = undefined;
    this.#retryLater(reason).catch((error: unknown) => console.error('pinduoduo message socket: could not arm the reconnect alarm', error));
  }

  #drop(socket: WebSocket, reason: string): void {
    this.#socket = undefined;
    this.#stats.recordError(reason);
    try {
      socket.close(1000, 'reconnecting');
    } catch {
      // Already closing: nothing to do.
    }
  }

  #onMessage(socket: WebSocket, data: string | ArrayBuffer): void {
    if (this.#socket === socket) {
      this.#lastFrameAt = Date.now();
      this.#failures = 0;
    }
    const text = typeof data === 'string' ? data : new TextDecoder().decode(data);
    this.#frames = this.#frames.then(() => this.#handle(socket, text)).catch((error: unknown) => console.error('pinduoduo message socket: frame handling failed', error));
  }

  /** Record, then ack. A frame whose events could not be recorded is not acked: the server resends it. */
  async #handle(socket: WebSocket, text: string): Promise<void> {
    const parsed = parseFrame(text);
    if (parsed.kind === 'control') return;
    if (parsed.kind === 'unreadable') {
      this.#stats.bump('unreadable');
      console.warn(`pinduoduo message socket: unreadable frame ignored: ${parsed.reason}`);
      return;
    }
    const { frame } = parsed;
    const message = orderMessage(frame);
    if (message.kind === 'event') {
      try {
        await dispatch(this.env, [message.envelope]);
      } catch (error) {
        this.#stats.bump('notRecorded');
        this.#stats.recordError(`message ${frame.id} (${frame.message.type}) not recorded, left for redelivery: ${error instanceof Error ? error.message : String(error)}`);
        return;
      }
    } else {
      this.#stats.bump(message.kind);
      this.#stats.bumpType(message.type);
      console.log(`pinduoduo message socket: ${message.kind} ${message.type} acked without action${message.kind === 'unreadable' ? `: ${message.reason}` : ''}`);
    }
    if (this.#send(socket, ackFrame(frame, Date.now()))) this.#stats.bump('acked');
  }

  /** Send on an open socket; false when it has closed meanwhile (the server will resend what is unacked). */
  #send(socket: WebSocket, text: string): boolean {
    try {
      socket.send(text);
      return true;
    } catch {
      return false;
    }
  }
}
