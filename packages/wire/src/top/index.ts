export { signTop, topTimestamp, TOP_SIGN_METHODS, type TopSignMethod } from './sign-top.ts';
