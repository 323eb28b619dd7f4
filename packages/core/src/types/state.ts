import type { OrderStatus } from './event.ts';

/**
 * What the engine remembers about one conversation between events. Plain JSON: the runtime stores
 * it (in the conversation's Durable Object) and hands it back with the next event.
 */
export type ConversationState = {
  /** Buyer messages seen so far; 0 means first contact. */
  buyerMessages: number;
  /** The platform said this buyer has history with the shop. */
  returning: boolean;
  lastBuyerAt?: number;
  /** Last greeting sent: at most one per window. */
  greetedAt?: number;
  /** The reopening time the last away notice announced: one notice per off-period. */
  awayUntil?: number;
  /** A person is handling the conversation until then: the bot stays silent. */
  humanActiveUntil?: number;
  /** Recent FAQ answers, so the same answer is not sent twice in a window. */
  answers: { ruleId: string; at: number }[];
  /** Next variant to use per script, so wordings rotate. */
  rotation: Record<string, number>;
  /** Recent complaint scores (for repetition across the conversation). */
  complaints: { at: number; score: number }[];
  /** An open round waiting for a human reply (the platform's SLA clock). */
  round?: { ref: string; startedAt: number; deadline: number; reason: string };
  orders: Record<string, { status: OrderStatus; at: number; reminded: boolean }>;
};

/** The state of a conversation the engine has never seen. */
export function initialState(): ConversationState {
  return { buyerMessages: 0, returning: false, answers: [], rotation: {}, complaints: [], orders: {} };
}
