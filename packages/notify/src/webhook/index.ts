export { classifyWebhook } from './classify-webhook.ts';
export { renderWebhookDigest, renderWebhookEscalation } from './render-webhook.ts';
