import type { OrderStatus } from '@kefu/core';

/** What one 抖店 push tag means to the core, and which data field holds its time (unix seconds). */
export type TagRule = { status: OrderStatus; name: string; at?: string };

/**
 * The push tags (消息 tag) this worker acts on. Tags, names and data fields: zsmhub/doudian-sdk
 * @93c52ff5 `message/*.go` (each file links its op.jinritemai.com/docs/message-docs page).
 * 100 is created-and-unpaid for online-paid orders; 货到付款 orders are not told apart (UNCONFIRMED).
 * Every other tag is acked and ignored (logged with a count), never refused: a 4xx makes the
 * platform push it again.
 */
export const DOUDIAN_TAGS: Readonly<Record<string, TagRule>> = {
  '100': { status: 'created_unpaid', name: '订单创建 (doudian_trade_TradeCreate)', at: 'create_time' },
  '101': { status: 'paid', name: '订单支付/确认 (TradePaid)', at: 'pay_time' },
  '110': { status: 'paid', name: '订单已支付待处理 (TradePending)' },
  '102': { status: 'shipped', name: '卖家发货 (TradeSellerShip)', at: 'update_time' },
  '108': { status: 'shipped', name: '卖家部分发货 (TradePartlySellerShip)', at: 'update_time' },
  '103': { status: 'closed', name: '交易完成 (TradeSuccess)', at: 'complete_time' },
  '106': { status: 'closed', name: '订单取消 (TradeCanceled)', at: 'cancel_time' },
  '200': { status: 'refund_requested', name: '买家发起售后申请 (RefundCreated)', at: 'apply_time' },
  '206': { status: 'closed', name: '退款成功 (RefundSuccess)', at: 'success_time' },
  '212': { status: 'arbitration', name: '买家发起客服仲裁 (RefundArbitrateApplied)' },
  '217': { status: 'arbitration', name: '仲裁客服介入 (RefundArbitrateServiceIntervene)' },
};
