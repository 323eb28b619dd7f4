import { workerTestConfig } from '@kefu/runtime/testing';

// Tests run inside workerd with the worker's real bindings (KV, D1, Queues, both Durable Objects),
// against the local sandbox, which plays the WeCom API (gettoken, kf/sync_msg, kf/send_msg,
// kf/send_msg_on_event) and the team channel.
const config = await workerTestConfig(new URL('./', import.meta.url), { include: ['test/**/*.test.ts', 'src/**/*.test.ts'] });

// One sandbox serves every test file, and each file's prepareStack() clears its record and faults:
// files run one after another so one file's reset never lands in another's assertions.
export default { ...config, test: { ...config.test, fileParallelism: false } };
