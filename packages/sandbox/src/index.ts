export { startSandbox, type Sandbox, type SandboxOptions } from './server/sandbox.ts';
export type { Faults, Recorded, Reply, Route, SandboxRequest, SandboxState, SocketRoute, StandIn } from './server/types.ts';
export { standIns } from './stand-ins/index.ts';
export { bridgeSendUrl } from './stand-ins/bridge.ts';
