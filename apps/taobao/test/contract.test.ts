import { bridgeFixture, describeAdapterContract } from '@kefu/runtime/contract';
import { topBridgeSigner } from '@kefu/wire';

// Buyer chat reaches this worker only through the chat bridge (no public 旺旺/千牛 API): the
// bridge route passes the same contract as every platform's webhook, signed the TOP way.
describeAdapterContract(bridgeFixture({ platform: 'taobao', signer: topBridgeSigner, appKey: 'tb-bridge-app', secret: 'tb-bridge-secret' }));
