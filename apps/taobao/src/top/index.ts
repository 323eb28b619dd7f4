export { asObject, callTop, describeTopError, responseKey, type TopResult } from './call.ts';
export { idText, parseKeepingLongIntegers } from './lossless-json.ts';
export { topRequestParams, type TopCall } from './request.ts';
