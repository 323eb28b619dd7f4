export const PLATFORMS = ['taobao', 'douyin', 'pinduoduo', 'jd', 'wecom'] as const;
/** A marketplace or chat platform the product receives webhooks from. */
export type Platform = (typeof PLATFORMS)[number];

/** The fixed intent taxonomy every FAQ rule and auto-reply carries. */
export const INTENTS = [
  'greeting',
  'shipping_time',
  'courier',
  'discount',
  'product_info',
  'order_status',
  'damaged_wrong',
  'return_refund',
  'complaint',
  'other',
] as const;
export type Intent = (typeof INTENTS)[number];
