import { workerTestConfig } from '@kefu/runtime/testing';
import { bridgeSendUrl } from '@kefu/sandbox';

// Tests run inside workerd with the worker's real bindings, against the local sandbox (which plays
// the 抖音开放平台 IM API, the chat bridge and the team channel).
export default await workerTestConfig(new URL('./', import.meta.url), {
  include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
  vars: (sandboxUrl) => ({ BRIDGE_SEND_URL: bridgeSendUrl(sandboxUrl, 'douyin') }),
});
