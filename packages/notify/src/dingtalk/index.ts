export { classifyDingtalk } from './classify-dingtalk.ts';
export { dingtalkUrl, renderDingtalkDigest, renderDingtalkEscalation } from './render-dingtalk.ts';
