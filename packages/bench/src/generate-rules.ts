import type { FaqRule } from '@kefu/core';

const PRODUCTS = ['羽绒服', '卫衣', '牛仔裤', '运动鞋', '面膜', '口红', '精华液', '保温杯', '电饭煲', '吹风机', '充电宝', '数据线', '蓝牙耳机', '儿童书包', '奶粉', '纸尿裤', '床垫', '沙发', '台灯', '猫粮', '狗绳', '茶叶', '坚果', '洗发水', '行李箱', '手机壳', '电动牙刷', '空气炸锅', '瑜伽垫', '雨伞'];
const ASPECTS = ['尺寸', '重量', '保质期', '产地', '功率', '容量', '适用年龄', '清洗方法', '保修', '配件', '颜色', '材质', '味道', '续航', '安装方式', '包装', '规格', '成分', '噪音', '款式'];
const FORMS = ['{p}的{a}是多少', '{p}{a}怎么样', '请问这款{p}的{a}', '{p}有什么{a}', '想了解下{p}{a}', '{p}的{a}能说一下吗', '这个{p}{a}是啥', '{p}{a}有说明吗'];
const INTENTS = ['product_info', 'shipping_time', 'discount', 'order_status'] as const;

/**
 * `count` synthetic FAQ rules (product × aspect), 8 examples each, for measuring how matching
 * cost grows with a big catalogue. Deterministic: the same count gives the same rules.
 */
export function generateFaqRules(count: number): FaqRule[] {
  const rules: FaqRule[] = [];
  for (let i = 0; i < count; i += 1) {
    const p = PRODUCTS[i % PRODUCTS.length] ?? '';
    const a = ASPECTS[Math.floor(i / PRODUCTS.length) % ASPECTS.length] ?? '';
    const variant = Math.floor(i / (PRODUCTS.length * ASPECTS.length));
    const product = variant === 0 ? p : `${p}${variant + 1}代`;
    rules.push({
      id: `generated-${i}`,
      intent: INTENTS[i % INTENTS.length] ?? 'product_info',
      priority: 0,
      keywords: { any: [product, a], all: [], none: [] },
      examples: FORMS.map((f) => f.replace('{p}', product).replace('{a}', a)),
      answers: [`亲,${product}的${a}请看详情页说明哦~`],
      followUp: 'none',
      scope: { platforms: [], shops: [] },
    });
  }
  return rules;
}
