// The runtime's test worker: the shared glue on a minimal test platform whose "API" is a sandbox
// recorder. Real adapters live in apps/*; this one exists to test the glue on its own.
import { ChannelOutboxObject, defineWorker, ConversationObject, type PlatformAdapter, type RuntimeEnv } from '../src/index.ts';

export class Conversation extends ConversationObject {}
export class ChannelOutbox extends ChannelOutboxObject {}

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
      const { id, shop, buyer, text, from } = JSON.parse(request.body) as Record<string, string>;
      if (!id || !shop || !buyer || !text) return { kind: 'malformed', reason: 'id, shop, buyer and text are required' };
      const base = { id, platform: 'jd' as const, shopId: shop, buyerId: buyer, at: Date.now(), text };
      return { kind: 'events', ack: { json: { ok: true } }, envelopes: [{ event: from === 'agent' ? { ...base, kind: 'agent_message' } : { ...base, kind: 'buyer_message' } }] };
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
