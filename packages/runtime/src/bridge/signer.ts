export type { BridgeSigner } from '@kefu/wire';

/** The bridge credentials an app reads from its env (secrets). */
export type BridgeCredentials = { appKey: string; secret: string };
