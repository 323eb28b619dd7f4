export type { BridgeSigner } from './bridge-signer.ts';
export { doudianBridgeSigner, josBridgeSigner, pddBridgeSigner, topBridgeSigner } from './signers.ts';
