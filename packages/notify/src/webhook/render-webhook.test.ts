import { genericWebhookSignature } from '@kefu/wire';
import { describe, expect, it } from 'vitest';
import { CHANNELS, escalation, manyEscalations, NOW } from '../test-support/fixtures.ts';
import { renderWebhookDigest, renderWebhookEscalation } from './render-webhook.ts';

const channel = CHANNELS.webhook;

describe('renderWebhookEscalation', () => {
  it('should post the escalation as kefu.escalation, signed over timestamp.body', () => {
    const e = escalation({ mention: ['店长'] });
    const request = renderWebhookEscalation(channel, e, NOW);
    expect(request.url).toBe(channel.url);
    expect(JSON.parse(request.body)).toEqual({ type: 'kefu.escalation', escalation: e });
    expect(request.headers['x-kefu-timestamp']).toBe(String(Math.floor(NOW / 1000)));
    expect(request.headers['x-kefu-signature']).toBe(genericWebhookSignature('hook-secret', String(Math.floor(NOW / 1000)), request.body));
    expect(request.headers['x-kefu-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
  });

  it('should send no signature header without a secret', () => {
    const { secret: _, ...open } = channel;
    const request = renderWebhookEscalation(open, escalation(), NOW);
    expect(request.headers['x-kefu-signature']).toBeUndefined();
    expect(request.headers['x-kefu-timestamp']).toBeDefined();
  });
});

describe('renderWebhookDigest', () => {
  it('should post every escalation as kefu.digest, signed', () => {
    const items = manyEscalations(25);
    const request = renderWebhookDigest(channel, items, NOW);
    expect(JSON.parse(request.body)).toEqual({ type: 'kefu.digest', escalations: items });
    expect(request.headers['x-kefu-signature']).toBe(genericWebhookSignature('hook-secret', request.headers['x-kefu-timestamp'] ?? '', request.body));
  });
});
