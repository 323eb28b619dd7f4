import { douyinOpenSignature } from '@kefu/wire';
import type { Simulator } from './simulated.ts';

/**
 * A 抖音开放平台 IM webhook (`im_receive_msg`, or `im_send_msg` from a person on the account),
 * signed with X-Douyin-Signature = sha1(client_secret + body). The shop is the 抖音 account.
 */
export const douyinIm: Simulator = (s, credentials, now) => {
  const fromBuyer = s.from === 'buyer';
  const body = JSON.stringify({
    event: fromBuyer ? 'im_receive_msg' : 'im_send_msg',
    client_key: credentials.DOUYIN_CLIENT_KEY,
    from_user_id: fromBuyer ? s.buyer : s.shop,
    to_user_id: fromBuyer ? s.shop : s.buyer,
    content: {
      conversation_short_id: `@local-${s.buyer}`,
      server_message_id: s.messageId,
      conversation_type: 1,
      message_type: 'text',
      text: s.text,
      create_time: now,
      user_infos: [{ open_id: s.buyer, nick_name: '本地买家' }],
    },
    log_id: `log-${s.messageId}`,
  });
  return {
    path: '/webhooks/douyin-im',
    headers: { 'content-type': 'application/json', 'msg-id': s.messageId, 'x-douyin-signature': douyinOpenSignature(credentials.DOUYIN_CLIENT_SECRET ?? '', body) },
    body,
  };
};
