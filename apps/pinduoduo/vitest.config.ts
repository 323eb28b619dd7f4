import { workerTestConfig } from '@kefu/runtime/testing';
import { bridgeSendUrl } from '@kefu/sandbox';

// Tests run inside workerd with the app's real bindings; the sandbox plays PDD's message service
// (a real local WebSocket server) and the chat bridge's send endpoint.
export default await workerTestConfig(new URL('./', import.meta.url), {
  vars: (sandboxUrl) => ({ BRIDGE_SEND_URL: bridgeSendUrl(sandboxUrl, 'pinduoduo') }),
});
