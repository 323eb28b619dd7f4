export { DOUDIAN_ACK, orderBuyerId, parseDoudianPush } from './parse.ts';
export { doudianPushRoute } from './route.ts';
export { DOUDIAN_TAGS, type TagRule } from './tags.ts';
export { verifyDoudianPush } from './verify.ts';
