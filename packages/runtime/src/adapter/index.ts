export type { Ack, Envelope, Inbound, InboundRoute, OutboundReply, PlatformAdapter, SendBudget, SendResult, Verdict, WebhookRequest } from './adapter.ts';
