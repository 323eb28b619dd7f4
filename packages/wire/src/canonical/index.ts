export { chinaTimestamp } from './china-time.ts';
export { sortedConcat, type ConcatOptions } from './sorted-concat.ts';
