// The shared adapter contract, run on both routes that carry buyer chat. The 抖店 push carries no
// chat; test/doudian-push.test.ts covers the same properties for it.
import { bridgeFixture, describeAdapterContract } from '@kefu/runtime/contract';
import { doudianBridgeSigner } from '@kefu/wire';
import { expect } from 'vitest';
import { DOUYIN_CLIENT_KEY, imEvent, imRequest } from './support/requests.ts';

const account = 'contract-account-open-id';

describeAdapterContract({
  platform: 'douyin',
  shopId: account,
  buyerMessage: async (m) => imRequest(imEvent({ account, ...m }), { msgIdHeader: m.messageId }),
  forged: async (m) => imRequest(imEvent({ account, ...m }), { secret: 'a-guessed-client-secret' }),
  wrongApp: async (m) => imRequest(imEvent({ account, ...m, clientKey: 'another-apps-client-key' })),
  replayed: { skip: '抖音开放平台 webhooks carry no timestamp; a repeat is caught by the Msg-Id / server_message_id dedupe' },
  malformed: async () => imRequest({ event: 'im_receive_msg', client_key: DOUYIN_CLIENT_KEY, from_user_id: 'b', to_user_id: account, content: { text: 'no conversation id' } }),
  oversized: async () => imRequest({ event: 'im_receive_msg', client_key: DOUYIN_CLIENT_KEY, pad: 'x'.repeat(300 * 1024) }),
  expectAck: async (response) => {
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({});
  },
  sendChannel: 'douyin:im_send',
  recipientOf: (record) => (record.parsed as { to_user_id?: string } | undefined)?.to_user_id,
});

// 飞鸽 shop chat through the bridge, signed the 抖店 API way (the sandbox bridge credentials).
describeAdapterContract(bridgeFixture({ platform: 'douyin', signer: doudianBridgeSigner, appKey: 'dy-bridge-app', secret: 'dy-bridge-secret' }));
