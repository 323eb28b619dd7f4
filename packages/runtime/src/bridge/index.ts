export { bridgeRoute, BRIDGE_MAX_SKEW_MS } from './bridge-route.ts';
export { bridgeSend } from './bridge-send.ts';
export { bridgeBody, parseBridgeBody, type BridgeBody } from './envelope.ts';
export type { BridgeCredentials, BridgeSigner } from './signer.ts';
