export { byteLength, CUT_MARK, cutBytes, cutChars } from './cut.ts';
export { inert, linkTarget, oneLine, slackEscape } from './escape.ts';
export { clock, dateClock, formatDeadline, span } from './time.ts';
