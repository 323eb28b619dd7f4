import { initialState, type ConversationState, type RoundsState } from '@kefu/core';
import type { ConversationRef, TranscriptLine } from '../outbound/job.ts';

/** What the Conversation DO keeps beside the core's state. */
export type StoredConversation = {
  core: ConversationState;
  /** Which conversation this is (timer events need it). */
  ref?: ConversationRef;
  /** The adapter's reply addressing from the latest envelope. */
  channel: Record<string, string>;
  /** The last few lines, masked, for escalations. */
  transcript: TranscriptLine[];
  /** Bot messages since the buyer last wrote (platform send budgets). */
  budget: { since: number; sent: number };
  /** The open escalation: later escalations update it instead of opening new ones, until a person takes over. */
  escalation?: { id: string; updates: number };
  /** The platform-metrics round (人工响应 as the platform counts it), see `trackRound`. */
  rounds: RoundsState;
};

export const TRANSCRIPT_LINES = 8;

export function emptyConversation(): StoredConversation {
  return { core: initialState(), channel: {}, transcript: [], budget: { since: 0, sent: 0 }, rounds: {} };
}
