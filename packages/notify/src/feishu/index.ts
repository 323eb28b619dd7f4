export { classifyFeishu } from './classify-feishu.ts';
export { FEISHU_BODY_MAX, renderFeishuDigest, renderFeishuEscalation } from './render-feishu.ts';
