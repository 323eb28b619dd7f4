export { classifyResponse } from './classify-response.ts';
export { deliver, DELIVERY_TIMEOUT_MS } from './deliver.ts';
export type { ChannelOutcome } from './outcome.ts';
export { rateLimit } from './rate-limit.ts';
