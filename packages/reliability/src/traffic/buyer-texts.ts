import type { Random } from '../support/index.ts';

/**
 * Buyer messages from the labelled dev set (packages/eval/data/devset.jsonl), grouped by what the
 * engine does with them under the default rules (checked with `cs classify`): FAQ topics it answers,
 * complaints and requests for a person it escalates, small talk it leaves alone.
 */
export const TOPICS = {
  shipping_time: ['什么时候发货', '今天拍明天能发吗', '几天能到啊', '下单了 啥时候发', '拍了 今天能发不', '发到广州要几天'],
  courier: ['发什么快递', '能发顺丰吗', '默认啥快递啊', '可以指定顺丰不 补差价也行', '新疆能发吗', '能寄到香港吗'],
  discount: ['有优惠券吗', '能便宜点不', '便宜点呗 老顾客了', '满减怎么算的', '买两件有优惠吗', '有赠品吗'],
  product_info: ['这个是纯棉的吗', '165 110斤穿多大码', '有色差吗', '实物和图片一样吗', '这个会不会掉色', '黑色还有货吗'],
  order_status: ['我的单怎么还没发货', '物流三天没动了', '查下我的快递到哪了', '拍了三天了还没发', '怎么一直显示揽收'],
  return_refund: ['可以退货吗', '七天无理由吗', '买错了 能换个码吗', '不想要了怎么退', '退款什么时候到账', '退货运费谁出'],
} as const;

export const GREETINGS = ['在吗', '在么', '在不在', '亲在吗', '你好', '哈喽 有人在吗'] as const;
/** Escalated: the soothing script, a team notice and the human-response clock. */
export const COMPLAINTS = ['再不处理我就投诉了', '我要投诉你们', '收到了 杯子碎了一个', '发错颜色了 我要的是白色', '差评已经写好了 你们看着办', '包装破了 里面的饼干全碎了'] as const;
/** Asks for a person: the handoff script, a team notice and the clock. */
export const HUMAN = ['转人工', '人工客服', '我要找真人', '叫你们店长来'] as const;
export const SMALL_TALK = ['好的 谢谢', '收到', '嗯嗯 知道了', '谢谢亲'] as const;

export type ScriptMix = { complaint: number; human: number; smallTalk: number };

/** Mostly questions the bot answers; a few percent escalate (team notices, SLA clocks). */
export const DEFAULT_MIX: ScriptMix = { complaint: 0.03, human: 0.02, smallTalk: 0.03 };

/**
 * One buyer's messages, in order: a greeting half the time, then questions on distinct topics (a
 * topic asked twice within 30 minutes goes to a person), now and then a complaint, a request for a
 * person or small talk.
 */
export function buyerScript(r: Random, length: number, mix: ScriptMix = DEFAULT_MIX): string[] {
  const topics = r.shuffle(Object.keys(TOPICS) as (keyof typeof TOPICS)[]);
  const out: string[] = [];
  if (length > 0 && r.chance(0.5)) out.push(r.pick(GREETINGS));
  while (out.length < length) {
    const x = r.next();
    if (x < mix.complaint) out.push(r.pick(COMPLAINTS));
    else if (x < mix.complaint + mix.human) out.push(r.pick(HUMAN));
    else if (x < mix.complaint + mix.human + mix.smallTalk) out.push(r.pick(SMALL_TALK));
    else out.push(r.pick(TOPICS[topics[out.length % topics.length] as keyof typeof TOPICS]));
  }
  return out;
}
