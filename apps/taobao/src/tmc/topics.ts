import type { OrderStatus } from '@kefu/core';

/**
 * TMC topics this worker turns into order events. Topic names and content fields as the TMC topic
 * docs are typed in TheNorthMemory/tmc.js `types/taobao.d.ts` (namespaces Taobao.Trade,
 * Taobao.Refund) and as ISV code subscribes them (topic lists naming `taobao_trade_TradeCreate` …
 * `taobao_refund_RefundCreated`). PARTIAL: not checked against a live TMC feed.
 */
export const ORDER_TOPICS: Readonly<Record<string, OrderStatus>> = {
  /** 创建淘宝交易消息: a new order, normally unpaid (see `createdStatus`). */
  taobao_trade_TradeCreate: 'created_unpaid',
  /** 买家付完款 */
  taobao_trade_TradeBuyerPay: 'paid',
  /** 卖家发货消息: no courier or tracking number in it, so the core sends no shipped notice. */
  taobao_trade_TradeSellerShip: 'shipped',
  /** 关闭交易消息 */
  taobao_trade_TradeClose: 'closed',
  /** 退款创建消息 */
  taobao_refund_RefundCreated: 'refund_requested',
  /** 申请淘宝介入消息 / 淘宝介入退款消息: the platform arbitrates (平台介入). */
  taobao_refund_TaobaoInterApplied: 'arbitration',
  taobao_refund_TaobaoIntervened: 'arbitration',
};

/**
 * Known topics the bot has nothing to do for: confirmed without a record (an unknown topic is
 * confirmed and recorded). A refund the seller agreed to, or one that succeeded, needs no person.
 */
export const IGNORED_TOPICS: ReadonlySet<string> = new Set([
  'taobao_trade_TradeAlipayCreate',
  'taobao_trade_TradeBuyerStepPay',
  'taobao_trade_TradeChanged',
  'taobao_trade_TradeCloseAndModifyDetailOrder',
  'taobao_trade_TradeDelayConfirmPay',
  'taobao_trade_TradeLogisticsAddressChanged',
  'taobao_trade_TradeMemoModified',
  'taobao_trade_TradeModifyFee',
  'taobao_trade_TradePartlyConfirmPay',
  'taobao_trade_TradePartlyRefund',
  'taobao_trade_TradePartlySellerShip',
  'taobao_trade_TradeRated',
  'taobao_trade_TradeSuccess',
  'taobao_trade_TradeTimeoutRemind',
  'taobao_refund_RefundBuyerModifyAgreement',
  'taobao_refund_RefundBuyerReturnGoods',
  'taobao_refund_RefundClosed',
  'taobao_refund_RefundCreateMessage',
  'taobao_refund_RefundSellerAgreeAgreement',
  'taobao_refund_RefundSellerRefuseAgreement',
  'taobao_refund_RefundSuccess',
]);

/** Trade states after payment (`status` values in the same topic docs). */
const PAID_STATES = new Set(['WAIT_SELLER_SEND_GOODS', 'SELLER_CONSIGNED_PART', 'WAIT_BUYER_CONFIRM_GOODS', 'TRADE_BUYER_SIGNED', 'TRADE_FINISHED']);
const CLOSED_STATES = new Set(['TRADE_CLOSED', 'TRADE_CLOSED_BY_TAOBAO']);

/** A TradeCreate already paid (or closed) by the time it is read must not start 催付. */
export function createdStatus(tradeStatus: unknown): OrderStatus {
  if (typeof tradeStatus !== 'string') return 'created_unpaid';
  if (PAID_STATES.has(tradeStatus)) return 'paid';
  return CLOSED_STATES.has(tradeStatus) ? 'closed' : 'created_unpaid';
}
