export { normalize, type NormalizedText } from './normalize.ts';
export { tokenize } from './tokenize.ts';
export { toSimplified } from './to-simplified.ts';
