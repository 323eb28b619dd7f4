export { renderDigest, renderEscalation } from './render.ts';
