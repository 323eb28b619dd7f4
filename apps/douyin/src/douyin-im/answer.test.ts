import { describe, expect, it } from 'vitest';
import { readSendAnswer } from './answer.ts';

const extra = (code: number, description = '') => ({ error_code: code, description, sub_error_code: 0, sub_description: '', logid: 'l', now: 1 });
const answer = (code: number, description = '') => JSON.stringify({ data: { error_code: code, description }, extra: extra(code, description) });

describe('readSendAnswer', () => {
  it('should take HTTP 200 with every code 0 as sent, with the platform message id', () => {
    expect(readSendAnswer(200, JSON.stringify({ data: { error_code: 0, description: '' }, extra: extra(0), msg_id: '@m1' }))).toEqual({ kind: 'sent', platformMessageId: '@m1' });
    expect(readSendAnswer(200, JSON.stringify({ data: { error_code: 0, msg_id: '@m2' }, extra: extra(0) }))).toEqual({ kind: 'sent', platformMessageId: '@m2' });
  });

  it('should read an error in a 200 answer, retrying only temporary ones', () => {
    expect(readSendAnswer(200, answer(2190008, 'access_token过期'))).toEqual({ kind: 'retry', reason: '抖音 error 2190008 access_token过期' });
    expect(readSendAnswer(200, answer(2100004))).toMatchObject({ kind: 'retry' });
    expect(readSendAnswer(200, answer(28003081, '上条消息已经超过24小时'))).toEqual({ kind: 'refused', reason: '抖音 error 28003081 上条消息已经超过24小时' });
    expect(readSendAnswer(200, answer(2100005))).toMatchObject({ kind: 'refused' });
    expect(readSendAnswer(200, JSON.stringify({ data: { error_code: 0 }, extra: { ...extra(0), sub_error_code: 7 } }))).toMatchObject({ kind: 'refused', reason: '抖音 error 7' });
  });

  it('should retry on rate limits, server errors and unreadable 200s, and refuse other HTTP errors', () => {
    expect(readSendAnswer(429, '')).toMatchObject({ kind: 'retry' });
    expect(readSendAnswer(502, '<html>bad gateway</html>')).toMatchObject({ kind: 'retry' });
    expect(readSendAnswer(200, '<html>')).toMatchObject({ kind: 'retry' });
    expect(readSendAnswer(404, 'not found')).toEqual({ kind: 'refused', reason: '抖音 answered HTTP 404' });
    expect(readSendAnswer(403, JSON.stringify({ extra: extra(0) }))).toEqual({ kind: 'refused', reason: '抖音 answered HTTP 403' });
  });
});
