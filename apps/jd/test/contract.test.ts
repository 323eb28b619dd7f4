import { bridgeFixture, describeAdapterContract } from '@kefu/runtime/contract';
import { josBridgeSigner } from '@kefu/wire';

// 咚咚 chat reaches JD shops' bots only through the chat bridge: its one buyer-message route.
describeAdapterContract(bridgeFixture({ platform: 'jd', signer: josBridgeSigner, appKey: 'jd-bridge-app', secret: 'jd-bridge-secret' }));
