export { base64Decode, base64Encode } from './base64.ts';
export { utf8 } from './utf8.ts';
