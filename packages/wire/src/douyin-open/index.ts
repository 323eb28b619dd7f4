export { douyinOpenSignature } from './signature.ts';
