import type { SendResult } from '@kefu/runtime';
import { z } from 'zod';
import { parseJson } from '../json/index.ts';

/**
 * Error codes worth retrying: 10001 系统异常, 2100004 系统繁忙, 2190001 quota 已用完 (rate limit),
 * 2190008 access_token 过期 (a rotated DOUYIN_ACCESS_TOKEN fixes it). PARTIAL: a third-party C#
 * enum (XiaoFeng.DouYin `AccessTokenErrorCode`); any other non-zero code is a refusal (2100005
 * 参数不合法, 2190002 access_token 无效, 28003081 the 24 h reply window has passed…).
 */
const RETRY_CODES = new Set([10001, 2100004, 2190001, 2190008]);

const code = z.union([z.number(), z.string().regex(/^-?\d+$/).transform(Number)]).optional().catch(undefined);
const block = z.object({ error_code: code, sub_error_code: code, description: z.string().optional().catch(undefined), msg_id: z.string().optional().catch(undefined) });

/**
 * The answer envelope of open.douyin.com APIs (fudiwei `DouyinOpenResponse.cs`): `data.error_code`,
 * `extra.{error_code, sub_error_code, description, logid}`; `/im/send/msg/` adds `msg_id`
 * (`IMSendMessageResponse.cs`). Success needs HTTP 200 and every code 0.
 */
const answer = block.extend({ data: block.optional().catch(undefined), extra: block.optional().catch(undefined) });

/** Read the send API's answer into a SendResult (never throws). */
export function readSendAnswer(status: number, text: string): SendResult {
  if (status === 429 || status >= 500) return { kind: 'retry', reason: `抖音 answered HTTP ${status}` };
  const json = parseJson(text);
  const parsed = json.kind === 'ok' ? answer.safeParse(json.value) : undefined;
  if (!parsed?.success) {
    // 200 with an unreadable body: it may or may not have been sent; retrying loses nothing.
    return status === 200 ? { kind: 'retry', reason: 'unreadable answer from 抖音' } : { kind: 'refused', reason: `抖音 answered HTTP ${status}` };
  }
  const { data, extra } = parsed.data;
  const failed = [data, extra, parsed.data].find((b) => (b?.error_code ?? 0) !== 0 || (b?.sub_error_code ?? 0) !== 0);
  if (failed) {
    const errorCode = failed.error_code || failed.sub_error_code || 0;
    const reason = `抖音 error ${errorCode}${failed.description ? ` ${failed.description}` : ''}`;
    return RETRY_CODES.has(errorCode) ? { kind: 'retry', reason } : { kind: 'refused', reason };
  }
  if (status !== 200) return { kind: 'refused', reason: `抖音 answered HTTP ${status}` };
  const platformMessageId = parsed.data.msg_id ?? data?.msg_id;
  return platformMessageId ? { kind: 'sent', platformMessageId } : { kind: 'sent' };
}
