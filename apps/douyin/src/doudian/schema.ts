import { z } from 'zod';

/** A 64-bit id: digits as a string (see parseJson) or a safe JSON number. */
const bigId = z.union([z.string().regex(/^\d{1,20}$/), z.number().int().nonnegative()]).transform(String);

/** A message id (`msg_id` / `msgId`): the platform's idempotency key for one push item. */
const messageId = z.union([z.string().min(1).max(128), z.number().int().nonnegative()]).transform(String);

/**
 * One item of a push body. zsmhub/doudian-sdk `message/doudian_message.go` reads
 * `{tag: string, msg_id: string, data: string}`; fudiwei's DouyinShopEvent maps `msgId` and a
 * numeric `tag`, so both spellings are accepted. `data` is a JSON text to parse a second time
 * (an object is accepted too). Items whose tag we do not act on need nothing else.
 */
export const pushItem = z
  .object({
    tag: z.union([z.string().regex(/^\d{1,9}$/), z.number().int().nonnegative()]).transform(String),
    msg_id: messageId.optional(),
    msgId: messageId.optional(),
    data: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
  })
  .transform(({ tag, msg_id, msgId, data }) => ({ tag, msgId: msg_id ?? msgId, data }));
export type PushItem = z.infer<typeof pushItem>;

/** A push body: a JSON array of items (several messages may come in one request). */
export const pushBody = z.array(pushItem).max(1000);

/** A time field; an unexpected type is dropped, not refused (RefundCreated's `update_time` is a Go time.Time). */
const unixTime = z.number().int().positive().optional().catch(undefined);

/**
 * The data fields this worker reads, common to the order (30/*) and after-sale (31/*) tags:
 * zsmhub `message/订单创建消息.go`, `卖家发货消息.go`, `买家发起售后申请消息.go`, `买家发起客服仲裁消息.go`…
 * Unknown keys are dropped, so the receiver's name, phone and address (`receiver_msg`) never
 * travel further than this parse.
 */
export const orderData = z.object({
  p_id: bigId,
  shop_id: bigId,
  create_time: unixTime,
  pay_time: unixTime,
  update_time: unixTime,
  complete_time: unixTime,
  cancel_time: unixTime,
  apply_time: unixTime,
  success_time: unixTime,
  logistics_msg: z
    .object({ express_company_id: z.string().optional(), logistics_code: z.string().optional() })
    .nullish()
    .catch(undefined),
});
export type OrderData = z.infer<typeof orderData>;
