import { compileRules, type Engine } from '../engine.ts';
import { parseRules } from '../rules/parse.ts';
import type { RulesInput } from '../rules/rules.ts';

/** A small, valid rule set for unit tests: open 09:00–18:00 Mon–Fri, Asia/Shanghai. */
export function fixtureRules(): RulesInput {
  const weekday = [{ start: '09:00', end: '18:00' }];
  return {
    shop: { name: '测试店', shipWithinHours: 48, couriers: ['中通快递', '顺丰速运'], defaultCourier: '中通快递', returnDays: 7, replyWithinMinutes: 30 },
    hours: { weekly: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday, sat: [], sun: [] }, overrides: [] },
    scripts: {
      greeting: { firstTime: ['亲,欢迎光临{{shop.name}}~'], returning: ['亲,欢迎回来~', '亲,又见面啦~'] },
      away: ['亲,现在不在线哦,{{nextOpen}}上线后第一时间回复您~'],
      closing: ['感谢光临~'],
      holding: ['亲,这个问题需要核实一下,会在{{shop.replyWithin}}内回复您~'],
      complaintSoothe: ['亲,非常抱歉给您带来不好的体验,您先消消气,我们马上为您处理~'],
      handoff: ['亲,正在为您转接人工客服,请稍等~'],
      orderUnpaid: ['亲,您的订单还没付款哦~'],
      orderShipped: ['亲,您的包裹已由{{order.courier}}发出,单号{{order.trackingNo}}~'],
    },
    faq: [
      {
        id: 'shipping-time',
        intent: 'shipping_time',
        keywords: { any: ['发货', '几天到', '几天能到', '发出'], none: ['还没发', '退'] },
        examples: ['什么时候发货', '几天发货', '下单后多久发货', '今天能发货吗', '几天能到', '多久发出'],
        answers: ['亲,付款后{{shop.shipWithinHours}}小时内发货哦~', '亲,我们会在{{shop.shipWithinHours}}小时内为您发出~'],
      },
      {
        id: 'courier',
        intent: 'courier',
        keywords: { any: ['快递', '顺丰', '物流公司'], none: ['退'] },
        examples: ['发什么快递', '可以发顺丰吗', '默认什么快递', '能指定快递吗', '用的哪家快递'],
        answers: ['亲,默认发{{shop.defaultCourier}},可选{{shop.couriers}}~'],
      },
      {
        id: 'damaged',
        intent: 'damaged_wrong',
        keywords: { any: ['破损', '发错', '少件'] },
        examples: ['收到破损了', '发错货了', '少件了怎么办', '包装破损'],
        answers: ['亲,非常抱歉,麻烦拍照发给我们,人工客服会跟进~'],
        followUp: 'escalate',
      },
      {
        id: 'where-is-my-order',
        intent: 'order_status',
        keywords: { any: ['物流', '到哪了'] },
        examples: ['物流怎么不动了', '我的快递到哪了', '查一下物流'],
        answers: ['亲,人工客服马上帮您查一下这一单~'],
        followUp: 'handoff',
      },
      {
        id: 'greeting',
        intent: 'greeting',
        keywords: { any: ['在吗', '在不', '你好', '有人吗'] },
        examples: ['在吗', '你好', '有人吗', '在不在'],
        answers: ['亲,在的呢~'],
      },
    ],
    complaint: {
      threshold: 1,
      severity: { high: 2, critical: 3 },
      negation: { cues: ['不是', '没有', '没', '不用', '不', '不会'], bridges: ['要', '想', '给'] },
      intensifiers: { terms: ['太', '非常'], patterns: ['都.{0,6}了'], multiplier: 0.25, max: 1.75 },
      repetition: { bonus: 0.5 },
      signals: [
        { id: 'threat-regulator', category: 'threat', weight: 3, severity: 'critical', terms: ['12315', '消协'] },
        { id: 'threat-complain', category: 'threat', weight: 1.5, terms: ['投诉', '差评'] },
        { id: 'damaged', category: 'damaged', weight: 1.2, terms: ['碎了', '坏了', '坏'] },
        { id: 'quality-weak', category: 'quality', weight: 0.5, terms: ['质量差'] },
        { id: 'disappointed', category: 'anger', weight: 0.5, terms: ['失望'] },
      ],
    },
    handoff: { terms: ['转人工', '人工客服', '真人'] },
    sla: {
      taobao: { replyWithinSeconds: 180, alertAfterSeconds: 100, capSeconds: 600, serviceHours: { start: '08:00', end: '23:00' } },
      douyin: { replyWithinSeconds: 180, alertAfterSeconds: 100 },
      pinduoduo: { replyWithinSeconds: 180, alertAfterSeconds: 100 },
      jd: { replyWithinSeconds: 30, alertAfterSeconds: 15 },
      wecom: { replyWithinSeconds: 180, alertAfterSeconds: 100, holdingOnBreach: false },
    },
    compliance: {
      absoluteTerms: ['最', '第一', '100%'],
      allowedPhrases: ['最近'],
      forbiddenPromises: ['保证'],
      maxLength: { taobao: 500, douyin: 500, pinduoduo: 500, jd: 500, wecom: 680 },
    },
  };
}

/** The fixture, validated and compiled; throws if a test edit made it invalid. */
export function fixtureEngine(edit: (rules: RulesInput) => void = () => {}): Engine {
  const input = fixtureRules();
  edit(input);
  const parsed = parseRules(input);
  if (parsed.kind !== 'ok') throw new Error(`fixture invalid: ${JSON.stringify(parsed.errors)}`);
  return compileRules(parsed.rules);
}

/** 2026-11-18 (a Wednesday) at HH:MM in Asia/Shanghai, as epoch ms. */
export function shanghai(clock: string, date = '2026-11-18'): number {
  return Date.parse(`${date}T${clock}:00+08:00`);
}
