import type { MetricsRound, Platform, Reason, Severity } from '@kefu/core';
import type { OutboundReply } from '../adapter/adapter.ts';

/** Which conversation something is about. */
export type ConversationRef = { platform: Platform; shopId: string; buyerId: string };

/** A line of the conversation as a team channel sees it: PII already masked. */
export type TranscriptLine = { from: 'buyer' | 'bot' | 'agent'; text: string; at: number };

/** What the shop's team channel is told. */
export type TeamNotice = {
  conversation: ConversationRef;
  /** The conversation's open escalation this notice belongs to (one per conversation until a person takes it). */
  escalationId: string;
  /** 0 opens the escalation; 1, 2… are updates to it (an SLA alert, a breach, a new complaint). */
  update: number;
  severity: Severity;
  /** One line: what happened (投诉, SLA about to run out, bad rules…). */
  title: string;
  reasons: { code: string; detail: string }[];
  /** When the platform's human-reply clock runs out (epoch ms), if one is running. */
  deadline?: number;
  transcript: TranscriptLine[];
};

/** A row of the D1 conversation log (buyer text masked). */
export type EventRow = { eventId: string; conversation: ConversationRef; kind: string; text: string | null; at: number };
/** A row of the D1 action log: what was decided and why. */
export type ActionRow = { actionId: string; eventId: string; conversation: ConversationRef; kind: string; reason: Reason; detail: string; at: number };

/** One message on the outbound queue. Every kind is idempotent by `id`. */
export type OutboundJob =
  /** Send a reply to the buyer through the platform adapter. */
  | { kind: 'send'; id: string; reply: OutboundReply }
  /** Tell the shop's team channel. */
  | { kind: 'notify'; id: string; notice: TeamNotice }
  /** Write the conversation and action log. */
  | {
      kind: 'log'; id: string; event: EventRow; actions: ActionRow[]; rounds?: MetricsRound[]; closedEscalation?: string;
      /** Sent again by hand from its dead letter: the consumer settles its deliveries row (first-time log jobs have none). */
      requeued?: true;
    };
