export { sendReply } from './send-reply.ts';
