import { sha1Hex } from '../digest/index.ts';

/**
 * Expected `X-Douyin-Signature` of a 抖音开放平台 (open.douyin.com) webhook, protocols §1.3
 * (CONFIRMED): lowercase hex `SHA1(client_secret + rawBody)`. This is the Douyin account/IM
 * platform, not 抖店.
 */
export function douyinOpenSignature(clientSecret: string, rawBody: string): string {
  return sha1Hex(clientSecret + rawBody);
}
