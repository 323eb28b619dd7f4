// The runtime's test worker: exports the Durable Object so tests can reach it through its binding.
export { Conversation } from '../src/index.ts';

export default {
  async fetch(): Promise<Response> {
    return new Response('kefu runtime test worker', { status: 200 });
  },
} satisfies ExportedHandler<Env>;
