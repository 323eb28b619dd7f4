import { describe, expect, it } from 'vitest';
import type { ChannelType } from '../channels/index.ts';
import { classifyResponse } from './classify-response.ts';
import type { ChannelOutcome } from './outcome.ts';

type Row = [ChannelType, number, string, ChannelOutcome['kind'], number?];

const TABLE: Row[] = [
  // DingTalk: HTTP 200 with errcode in the body.
  ['dingtalk', 200, '{"errcode":0,"errmsg":"ok"}', 'sent'],
  ['dingtalk', 200, '{"errcode":130101,"errmsg":"send too fast, exceed 20 times per minute"}', 'throttled', 600_000],
  ['dingtalk', 200, '{"errcode":660026,"errmsg":"sending too many messages per minute"}', 'throttled', 600_000],
  ['dingtalk', 500, '{"errcode":130101,"errmsg":"send too fast"}', 'throttled', 600_000],
  ['dingtalk', 200, '{"errcode":310000,"errmsg":"sign not match"}', 'refused'],
  ['dingtalk', 200, '{"errcode":310000,"errmsg":"keywords not in content"}', 'refused'],
  ['dingtalk', 200, '{"errcode":300001,"errmsg":"token is not exist"}', 'refused'],
  ['dingtalk', 200, '{"errcode":-1,"errmsg":"系统繁忙"}', 'retry'],
  ['dingtalk', 502, '<html>Bad Gateway</html>', 'retry'],
  ['dingtalk', 429, '', 'retry'],
  ['dingtalk', 200, '<html>maintenance</html>', 'retry'],
  ['dingtalk', 404, 'not found', 'refused'],
  // Feishu: {code, msg}, or the older {StatusCode, StatusMessage}.
  ['feishu', 200, '{"code":0,"data":{},"msg":"success"}', 'sent'],
  ['feishu', 200, '{"Extra":null,"StatusCode":0,"StatusMessage":"success"}', 'sent'],
  ['feishu', 200, '{"code":11232,"data":{},"msg":"frequency limited psm[lark.oapi.app_platform_runtime]appID[1500]"}', 'throttled', 60_000],
  ['feishu', 429, '{"code":99991400,"msg":"request trigger frequency limit"}', 'throttled', 60_000],
  ['feishu', 200, '{"code":19021,"data":{},"msg":"sign match fail or timestamp is not within one hour from current time"}', 'refused'],
  ['feishu', 200, '{"code":19024,"msg":"Key Words Not Found"}', 'refused'],
  ['feishu', 400, '{"code":9499,"msg":"Bad Request"}', 'refused'],
  ['feishu', 503, 'upstream unavailable', 'retry'],
  // WeCom group robot: {errcode, errmsg}.
  ['wecom', 200, '{"errcode":0,"errmsg":"ok"}', 'sent'],
  ['wecom', 200, '{"errcode":45009,"errmsg":"api freq out of limit"}', 'throttled', 60_000],
  ['wecom', 200, '{"errcode":93000,"errmsg":"invalid webhook url"}', 'refused'],
  ['wecom', 200, '{"errcode":40058,"errmsg":"markdown.content exceed max length 4096"}', 'refused'],
  ['wecom', 200, '{"errcode":-1,"errmsg":"system busy"}', 'retry'],
  ['wecom', 504, '', 'retry'],
  // Slack incoming webhook: the HTTP status decides.
  ['slack', 200, 'ok', 'sent'],
  ['slack', 429, 'rate_limited', 'retry'],
  ['slack', 500, 'internal_error', 'retry'],
  ['slack', 400, 'invalid_payload', 'refused'],
  ['slack', 403, 'invalid_token', 'refused'],
  ['slack', 404, 'no_service', 'refused'],
  ['slack', 410, 'channel_is_archived', 'refused'],
  // Our own webhook receiver.
  ['webhook', 204, '', 'sent'],
  ['webhook', 202, 'queued', 'sent'],
  ['webhook', 408, '', 'retry'],
  ['webhook', 503, '', 'retry'],
  ['webhook', 401, 'bad signature', 'refused'],
];

describe('classifyResponse', () => {
  it.each(TABLE)('should read %s HTTP %i %s as %s', (type, status, body, kind, retryAfterMs) => {
    const outcome = classifyResponse(type, status, body);
    expect(outcome.kind).toBe(kind);
    if (outcome.kind === 'throttled') expect(outcome.retryAfterMs).toBe(retryAfterMs);
  });

  it('should say what the platform said, briefly', () => {
    expect(classifyResponse('dingtalk', 200, '{"errcode":310000,"errmsg":"sign not match"}')).toEqual({ kind: 'refused', reason: 'errcode 310000: sign not match' });
    expect(classifyResponse('slack', 404, 'no_service')).toEqual({ kind: 'refused', reason: 'HTTP 404: no_service' });
    const long = classifyResponse('webhook', 500, 'x'.repeat(10_000));
    expect(long.kind === 'retry' && long.reason.length).toBeLessThan(220);
  });
});
