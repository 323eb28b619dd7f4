import { parseChannels, type ChannelConfig } from '@kefu/notify';
import type { RuntimeEnv } from '../env.ts';

/**
 * The team channels this worker may post to, from the TEAM_CHANNELS secret (JSON: name → channel).
 * Without it, a lone TEAM_WEBHOOK_URL is the channel `team` (a generic signed webhook), so a
 * minimal setup needs one URL. Invalid JSON names no channels: every notice then dead-letters with
 * the reason, visibly, instead of going nowhere.
 */
export function teamChannels(env: RuntimeEnv): { channels: Record<string, ChannelConfig>; problem?: string } {
  if (env.TEAM_CHANNELS) {
    const parsed = parseChannels(env.TEAM_CHANNELS);
    return parsed.kind === 'ok' ? { channels: parsed.channels } : { channels: {}, problem: `TEAM_CHANNELS is invalid: ${parsed.errors.join('; ')}` };
  }
  if (env.TEAM_WEBHOOK_URL) return { channels: { team: { type: 'webhook', url: env.TEAM_WEBHOOK_URL, ...(env.TEAM_WEBHOOK_SECRET ? { secret: env.TEAM_WEBHOOK_SECRET } : {}) } } };
  return { channels: {}, problem: 'no team channel configured (TEAM_CHANNELS or TEAM_WEBHOOK_URL)' };
}
