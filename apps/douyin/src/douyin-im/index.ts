export { readSendAnswer } from './answer.ts';
export { DOUYIN_IM_ACK, parseDouyinWebhook } from './parse.ts';
export { douyinImRoute } from './route.ts';
export { sendDouyinIm } from './send.ts';
export { verifyDouyinWebhook } from './verify.ts';
