import { workerTestConfig } from '@kefu/runtime/testing';
import { bridgeSendUrl } from '@kefu/sandbox';

// Tests run inside workerd with the app's real bindings, against the local sandbox (TOP gateway,
// chat bridge, team channel). One file at a time: TMC tests read the shared sandbox's TMC queue
// and request log, which another file's `prepareStack` would clear under them.
const config = await workerTestConfig(new URL('./', import.meta.url), {
  vars: (sandboxUrl) => ({ BRIDGE_SEND_URL: bridgeSendUrl(sandboxUrl, 'taobao') }),
});
export default { ...config, test: { ...config.test, fileParallelism: false } };
