import { z } from 'zod';
import { SEVERITIES } from './complaint.ts';

/** A channel name as TEAM_CHANNELS (a wrangler secret) defines it; rules only name channels, never hold their URLs or secrets. */
const channelName = z.string().regex(/^[\w-]{1,40}$/, 'a channel name from TEAM_CHANNELS (letters, digits, _ or -)');

/** Where escalations go, by severity: every route whose `minSeverity` is reached receives it. */
const routeSchema = z.strictObject({
  minSeverity: z.enum(SEVERITIES),
  channels: z.array(channelName).min(1),
  /** People to @ in those channels (names from each channel's `people` in TEAM_CHANNELS). */
  mention: z.array(z.string().min(1)).default([]),
});

/**
 * Escalation routing (通知路由) per shop: which team channels hear about what, whom to @, and how
 * long a claim link stays valid. The channels themselves (webhook URLs, signing secrets, people's
 * mobiles) live in the TEAM_CHANNELS secret.
 */
export const notifySchema = z.strictObject({
  routes: z.array(routeSchema).min(1).default([{ minSeverity: 'normal', channels: ['team'], mention: [] }]),
  claimLinkMinutes: z.number().int().min(1).max(1440).default(60),
});

export type NotifyRules = z.output<typeof notifySchema>;
