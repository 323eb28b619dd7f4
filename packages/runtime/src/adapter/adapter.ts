import type { InboundEvent, Platform } from '@kefu/core';

/** A webhook as it arrived: the raw body is what the platform signed, so it is kept as text. */
export type WebhookRequest = { method: string; url: URL; headers: Headers; body: string };

/** What the platform gets back: its own ack format. */
export type Ack = { status?: number; json?: unknown; text?: string; headers?: Record<string, string> };

/** An event and the platform's addressing for replies to it (WeCom's open_kfid, a welcome code…). */
export type Envelope = { event: InboundEvent; channel?: Record<string, string> };

/** The signature check's answer. */
export type Verdict =
  /** Signed by the platform with our app's secret. */
  | { kind: 'ok' }
  /** Forged, for another app, or replayed: nothing is done. `reason` goes to the log, never the buyer. */
  | { kind: 'rejected'; reason: string };

/** What a verified webhook holds. */
export type Inbound =
  /** Events to act on; the ack is sent once they are durably recorded. */
  | { kind: 'events'; envelopes: Envelope[]; ack: Ack }
  /** Content has to be fetched after acking (WeCom's callback carries only a sync token). */
  | { kind: 'deferred'; ack: Ack; fetch: () => Promise<Envelope[]> }
  /** A platform handshake (URL verification, challenge) answered directly. */
  | { kind: 'handshake'; ack: Ack }
  /** The body is signed but not what the platform sends: a clear 400. */
  | { kind: 'malformed'; reason: string };

/** One reply to send to a buyer. */
export type OutboundReply = {
  /** The action id: platforms that take a client message id get it, so a retried send is not doubled. */
  actionId: string;
  platform: Platform;
  shopId: string;
  buyerId: string;
  text: string;
  /** What the adapter put on the envelope this conversation last heard from. */
  channel: Record<string, string>;
  /** The script it came from (`greeting`, `faq`…): some platforms send welcomes another way. */
  script: string;
};

/** How a send went. */
export type SendResult =
  /** The platform accepted it. */
  | { kind: 'sent'; platformMessageId?: string }
  /** A temporary failure (network, 5xx, rate limit, expired token): retry with backoff. */
  | { kind: 'retry'; reason: string }
  /** The platform refused it for good (bad recipient, window closed): straight to the dead letters. */
  | { kind: 'refused'; reason: string };

/** Bot messages a platform allows between two buyer messages (WeCom: 5 within 48 h, keep one for a person). */
export type SendBudget = {
  max: number;
  windowMs: number;
  keepForHuman: number;
  /** Replies of this script, to an envelope whose channel has this key, go another way outside the budget (WeCom's welcome code). */
  exempt?: { script: string; channelKey: string };
};

/** One way a platform reaches the worker: a webhook path with its signing and envelope. */
export interface InboundRoute<E> {
  /** Where the platform posts (e.g. `/webhooks/doudian`). */
  readonly path: string;
  /** Largest body accepted; bigger bodies get 413. Defaults to 1 MiB. */
  readonly maxBodyBytes?: number;
  /** Answer a GET URL check (WeCom echostr): an ack, or the rejection. */
  handshake?(request: WebhookRequest, env: E): Promise<Ack | Verdict>;
  /** Check the signature, app id and freshness against the raw body. */
  verify(request: WebhookRequest, env: E): Promise<Verdict>;
  /** Parse a verified body into events. */
  parse(request: WebhookRequest, env: E): Promise<Inbound>;
}

/**
 * A platform's wire format and nothing else: how it reaches us (one or more inbound routes) and
 * how we reply. Every buyer-message route passes the shared contract suite (`@kefu/runtime/contract`).
 */
export interface PlatformAdapter<E> {
  readonly platform: Platform;
  readonly inbound: InboundRoute<E>[];
  readonly sendBudget?: SendBudget;
  /** Send one reply through the platform's API. Never throws for platform errors; returns them. */
  send(reply: OutboundReply, env: E): Promise<SendResult>;
}
