export { JOS_SIGN_METHODS, josTimestamp, signJos, type JosSignMethod } from './sign-jos.ts';
