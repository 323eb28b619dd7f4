export type { Ack, Envelope, Inbound, OutboundReply, PlatformAdapter, SendBudget, SendResult, Verdict, WebhookRequest } from './adapter.ts';
