export { Conversation, type HandleResult } from './conversation/conversation.ts';
export { loadRules, rulesKeys, type RulesLoad } from './rules/kv-rules.ts';
