export type { Action, ActionKind, Reason } from './action.ts';
export { ORDER_STATUSES, TIMER_PURPOSES, type InboundEvent, type InboundEventKind, type OrderStatus, type TimerPurpose } from './event.ts';
export { INTENTS, PLATFORMS, type Intent, type Platform } from './platform.ts';
export { initialState, type ConversationState } from './state.ts';
