// Test-side helpers, imported only by tests running inside workerd (never by a worker).
export { describeAdapterContract, type BuyerText, type ContractFixture, type Skip } from './adapter-contract.ts';
export { eventually, sandboxClient } from './sandbox-client.ts';
export { actionsOf, settled } from './settled.ts';
export { prepareStack } from './stack.ts';
export { testRules, type TestBindings, type TestEnv } from './test-env.ts';
export { bridgeFixture } from './bridge-fixture.ts';
export { teamNotices, type TeamNoticeRecord } from './team-notices.ts';
