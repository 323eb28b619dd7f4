// The runtime's test worker: the shared glue on a minimal test platform whose "API" is a sandbox
// recorder. Real adapters live in apps/*; this one exists to test the glue on its own.
import { defineWorker, ConversationObject, type PlatformAdapter, type RuntimeEnv } from '../src/index.ts';

export class Conversation extends ConversationObject {}

type TestPlatformEnv = RuntimeEnv & { SANDBOX_URL: string };

const testPlatform: PlatformAdapter<TestPlatformEnv> = {
  platform: 'jd',
  inbound: [{
  path: '/webhooks/test',
  maxBodyBytes: 4096,
  async verify(request) {
    if (request.headers.get('x-test-app') !== 'test-app') return { kind: 'rejected', reason: 'another app' };
    return request.headers.get('x-test-secret') === 'test-secret' ? { kind: 'ok' } : { kind: 'rejected', reason: 'bad x-test-secret' };
  },
  async parse(request) {
    try {
      const { id, shop, buyer, text } = JSON.parse(request.body) as Record<string, string>;
      if (!id || !shop || !buyer || !text) return { kind: 'malformed', reason: 'id, shop, buyer and text are required' };
      return { kind: 'events', ack: { json: { ok: true } }, envelopes: [{ event: { kind: 'buyer_message', id, platform: 'jd', shopId: shop, buyerId: buyer, at: Date.now(), text } }] };
    } catch {
      return { kind: 'malformed', reason: 'body is not JSON' };
    }
  },
  }],
  async send(reply, env) {
    const response = await fetch(`${env.SANDBOX_URL}/recorder/test-platform`, { method: 'POST', body: JSON.stringify({ to: reply.buyerId, text: reply.text, id: reply.actionId }) });
    return response.ok ? { kind: 'sent' } : { kind: response.status >= 500 ? 'retry' : 'refused', reason: `status ${response.status}` };
  },
};

export default defineWorker(testPlatform);
