/** How urgently a person is needed, lowest first. */
export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** What a team channel is told about one conversation (all buyer data ALREADY masked by the caller). */
export type Escalation = {
  /** Stable per conversation episode ("one open escalation per conversation"). */
  id: string;
  /** 0 = first notice, 1.. = update to the same open escalation. */
  update: number;
  platform: string;
  shopId: string;
  shopName?: string;
  /** Buyer label, masked. */
  buyer: string;
  severity: Severity;
  /** Chinese one-liner. */
  title: string;
  /** Signals that fired. */
  reasons: { code: string; detail: string }[];
  /** Epoch ms of the platform's human-reply deadline. */
  deadline?: number;
  transcript: { from: 'buyer' | 'bot' | 'agent'; text: string; at: number }[];
  conversationUrl?: string;
  /** HMAC-signed by the runtime (see `signClaim`). */
  claimUrl?: string;
  /** People names to @, resolved through the channel's `people`. */
  mention: string[];
};

/** An HTTP request ready to send (already signed for `now`). */
export type ChannelRequest = { url: string; method: 'POST'; headers: Record<string, string>; body: string };
