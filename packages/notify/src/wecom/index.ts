export { classifyWecom } from './classify-wecom.ts';
export { renderWecomDigest, renderWecomEscalation, WECOM_MARKDOWN_MAX, WECOM_TEXT_MAX } from './render-wecom.ts';
