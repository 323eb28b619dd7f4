import type { WebSocket } from 'ws';
import type { SandboxState } from '../server/types.ts';

/** Where tests queue PDD messages, and server-side actions (close every connection). */
export const MESSAGES_INBOX = 'pinduoduo:messages';
export const CONTROL_INBOX = 'pinduoduo:control';

/** A Common frame not acked this long is sent again, as a real message service would. */
export const RESEND_MS = 3000;

/**
 * A message queued at `POST /__sandbox/inbox/pinduoduo:messages`: its type, mall and content (an
 * object is JSON-encoded into the string `content`, as PDD sends it), optionally a fixed id
 * (digits, may exceed 2^53) and sendTime; or `raw`, a text frame sent as is (garbage tests).
 */
type QueuedMessage = { type: string; mallID: number | string; content: unknown; id?: number | string; sendTime?: number } | { raw: string };

type Pending = { id: string; sendTime: string; type: string; mallID: string; text: string; sentAt: number };

/**
 * The message service's side of every connection of one sandbox: messages sent and not yet acked,
 * and recently acked ones (a message delivered twice is acked twice; both acks are valid).
 */
export type Hub = { sockets: Set<WebSocket>; pending: Map<string, Pending>; settled: Map<string, Pending>; deliver(): void };

const hubs = new WeakMap<SandboxState, Hub>();
const digits = (value: unknown) => (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? String(value) : typeof value === 'string' && /^\d{1,30}$/.test(value) ? value : undefined);

/** The hub of a sandbox, created on first use with its inbox listeners and resend timer. */
export function hubOf(sandbox: SandboxState): Hub {
  const existing = hubs.get(sandbox);
  if (existing) return existing;
  let nextId = Date.now() * 1000;
  const open = () => [...hub.sockets].find((s) => s.readyState === s.OPEN);
  const hub: Hub = {
    sockets: new Set(),
    pending: new Map(),
    settled: new Map(),
    deliver() {
      const socket = open();
      if (!socket) return; // kept queued until a client connects
      for (const item of sandbox.inbox(MESSAGES_INBOX).splice(0) as QueuedMessage[]) {
        if ('raw' in item) {
          socket.send(item.raw);
          continue;
        }
        const id = digits(item.id) ?? String((nextId += 1));
        const mallID = digits(item.mallID);
        if (!mallID || typeof item.type !== 'string') {
          console.warn('sandbox pinduoduo: queued message needs type and a numeric mallID; dropped');
          continue;
        }
        const sendTime = String(item.sendTime ?? Date.now());
        const content = typeof item.content === 'string' ? item.content : JSON.stringify(item.content ?? {});
        // By hand, so an id past 2^53 goes out digit for digit like a Java long.
        const text = `{"id":${id},"commandType":"Common","time":${Date.now()},"sendTime":${sendTime},"message":{"type":${JSON.stringify(item.type)},"mallID":${mallID},"content":${JSON.stringify(content)}}}`;
        hub.pending.set(id, { id, sendTime, type: item.type, mallID, text, sentAt: Date.now() });
        socket.send(text);
      }
    },
  };
  hubs.set(sandbox, hub);
  sandbox.onInbox(MESSAGES_INBOX, () => hub.deliver());
  sandbox.onInbox(CONTROL_INBOX, () => {
    for (const item of sandbox.inbox(CONTROL_INBOX).splice(0) as { close?: number; reason?: string }[]) {
      for (const socket of hub.sockets) socket.close(item.close ?? 1012, item.reason ?? 'service restart');
    }
  });
  setInterval(() => {
    const socket = open();
    if (!socket) return;
    for (const p of hub.pending.values()) {
      if (Date.now() - p.sentAt < RESEND_MS) continue;
      p.sentAt = Date.now();
      socket.send(p.text);
    }
  }, 500).unref();
  return hub;
}
