import { doudianBridgeSigner, josBridgeSigner, pddBridgeSigner, topBridgeSigner, type BridgeSigner } from '@kefu/wire';

/** docs/chat-bridge.md's worked examples: made-up credentials, one fixed instant. */
export const EXAMPLE_AT = Date.UTC(2026, 10, 23, 4, 0, 0); // 2026-11-23 12:00:00 GMT+8

export const INBOUND_BODY = JSON.stringify({
  messages: [{ type: 'buyer_text', msg_id: 'm-1001', shop_id: 'shop-1', buyer_id: 'buyer-1', sent_at: EXAMPLE_AT - 2_000, text: '你好，什么时候发货？', channel: { session_id: 's-42' } }],
});

export const OUTBOUND_BODY = JSON.stringify({ msg_id: 'm-1001#1', shop_id: 'shop-1', buyer_id: 'buyer-1', text: '亲，付款后48小时内发货哦', channel: { session_id: 's-42' } });

export type Example = { platform: string; signer: BridgeSigner; appKey: string; secret: string };

export const EXAMPLES: Example[] = [
  { platform: 'taobao', signer: topBridgeSigner, appKey: 'tb-bridge-app', secret: 'tb-bridge-secret' },
  { platform: 'pinduoduo', signer: pddBridgeSigner, appKey: 'pdd-bridge-client', secret: 'pdd-bridge-secret' },
  { platform: 'jd', signer: josBridgeSigner, appKey: 'jd-bridge-app', secret: 'jd-bridge-secret' },
  { platform: 'douyin', signer: doudianBridgeSigner, appKey: 'dy-bridge-app', secret: 'dy-bridge-secret' },
];

export const DIRECTIONS = {
  inbound: { method: 'kefu.bridge.messages', url: (platform: string) => `https://kefu-${platform}.example.workers.dev/bridge/messages`, body: INBOUND_BODY },
  outbound: { method: 'kefu.bridge.send', url: () => 'https://bridge.example.com/kefu/send', body: OUTBOUND_BODY },
} as const;

/** The request line of an example, exactly as the doc prints it. */
export function requestLine(example: Example, direction: keyof typeof DIRECTIONS): { params: Record<string, string>; sign: string; line: string } {
  const d = DIRECTIONS[direction];
  const params = example.signer.systemParams(example.appKey, d.method, EXAMPLE_AT);
  const sign = example.signer.sign(params, d.body, example.secret);
  return { params, sign, line: `POST ${d.url(example.platform)}?${new URLSearchParams({ ...params, sign })}` };
}
