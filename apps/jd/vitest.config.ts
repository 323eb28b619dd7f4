import { workerTestConfig } from '@kefu/runtime/testing';
import { bridgeSendUrl } from '@kefu/sandbox';

// Tests run inside workerd with the app's real bindings; the sandbox plays the chat bridge (bridge:jd)
// and the JOS gateway (jd:routerjson).
const config = await workerTestConfig(new URL('./', import.meta.url), {
  include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
  vars: (sandboxUrl) => ({ BRIDGE_SEND_URL: bridgeSendUrl(sandboxUrl, 'jd') }),
});

// One sandbox serves every file, and tests set faults on it (`bridge:jd` failing) and reset it:
// files run one after another so one file's faults never land in another's sends.
export default { ...config, test: { ...config.test, fileParallelism: false } };
