import { asObject, idText } from '../top/index.ts';

/**
 * One TMC message as `taobao.tmc.messages.consume` hands it out (bububa/opentaobao
 * model/tmc/TmcMessage.go; alibaba/top test/fixtures/tmc_messages_consume_response.json):
 * `content` is the topic's payload as a JSON string; `user_id`/`user_nick` the seller it concerns.
 */
export type TmcMessage = {
  /** 64-bit, as text. The confirm key and the event id. */
  id: string;
  /** e.g. `taobao_trade_TradeCreate`; empty if TMC left it out. */
  topic: string;
  content: string;
  /** `yyyy-MM-dd HH:mm:ss`, GMT+8. */
  pubTime?: string;
  userId?: string;
  userNick?: string;
};

/**
 * The messages of a consume answer: `messages.tmc_message[]` as TOP's JSON has it without
 * `simplify` (CONFIRMED, alibaba/top fixture and SDK users reading
 * `['tmc_messages_consume_response']['messages']['tmc_message']`); a bare `messages[]` array
 * (the simplified shape) is read too. Items without an id cannot be confirmed and are counted.
 */
export function readConsumed(response: Record<string, unknown>): { messages: TmcMessage[]; withoutId: number } {
  const holder = response.messages;
  const items = Array.isArray(holder) ? holder : asObject(holder)?.tmc_message;
  const messages: TmcMessage[] = [];
  let withoutId = 0;
  for (const raw of Array.isArray(items) ? items : []) {
    const item = asObject(raw);
    const id = idText(item?.id);
    if (!item || id === undefined) {
      withoutId += 1;
      continue;
    }
    const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
    const userId = idText(item.user_id);
    const pubTime = text(item.pub_time);
    const userNick = text(item.user_nick);
    messages.push({
      id,
      topic: text(item.topic) ?? '',
      content: text(item.content) ?? '',
      ...(pubTime === undefined ? {} : { pubTime }),
      ...(userId === undefined ? {} : { userId }),
      ...(userNick === undefined ? {} : { userNick }),
    });
  }
  return { messages, withoutId };
}
