export { CONFIRM_CHUNK, CONSUME_QUANTITY, confirmMessages, consumeMessages } from './api.ts';
export { readConsumed, type TmcMessage } from './message.ts';
export { pullTmc, type PullSummary } from './pull.ts';
export { fromChinaTime, readMessage, type Reading } from './reading.ts';
export { recordUnacted, type Unacted } from './record.ts';
export { tmcSettings, type TmcSettings } from './settings.ts';
export { createdStatus, IGNORED_TOPICS, ORDER_TOPICS } from './topics.ts';
