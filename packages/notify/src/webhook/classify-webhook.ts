import { byStatus, type ChannelOutcome } from '../delivery/outcome.ts';

/** Our own receiver: any 2xx took it; 408/429/5xx are passing; other 4xx mean the receiver refuses. */
export function classifyWebhook(status: number, body: string): ChannelOutcome {
  return byStatus(status, body, false);
}
