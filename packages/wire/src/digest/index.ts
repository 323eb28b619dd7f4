export { hmacBase64, hmacHex, md5Hex, sha1Hex, sha256Hex, type HmacAlgorithm } from './digest.ts';
export { safeEqual } from './safe-equal.ts';
