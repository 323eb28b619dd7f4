export { doudianApiSign, type DoudianApiParams, type DoudianApiSignMethod } from './api-sign.ts';
export { doudianEventSign, type DoudianEventSignMethod } from './event-sign.ts';
