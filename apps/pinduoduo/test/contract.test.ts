import { bridgeFixture, describeAdapterContract } from '@kefu/runtime/contract';
import { pddBridgeSigner } from '@kefu/wire';

// Buyer chat reaches the worker only through the chat bridge (PDD has no public merchant chat API),
// signed the PDD way with the bridge credentials the sandbox gives the worker.
describeAdapterContract(bridgeFixture({ platform: 'pinduoduo', signer: pddBridgeSigner, appKey: 'pdd-bridge-client', secret: 'pdd-bridge-secret' }));
