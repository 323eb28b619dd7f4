export * from './adapter/index.ts';
export { defineWorker, type WorkerOptions } from './app/define-worker.ts';
export { conversationKey, dispatch } from './app/dispatch.ts';
export { HttpError } from './app/http-error.ts';
export { ConversationObject, type HandleResult } from './conversation/conversation.ts';
export type { RuntimeEnv } from './env.ts';
export type { ConversationRef, OutboundJob, TeamNotice, TranscriptLine } from './outbound/job.ts';
export { loadRules, rulesKeys, type RulesLoad } from './rules/kv-rules.ts';
export * from './bridge/index.ts';
