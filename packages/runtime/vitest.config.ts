import { workerTestConfig } from './testing/vitest-config.ts';

// Tests run inside workerd with real Durable Objects, KV, Queues and D1, against the local sandbox.
export default await workerTestConfig(new URL('./', import.meta.url));
