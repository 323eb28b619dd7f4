import type { WebhookRequest } from '@kefu/runtime';
import { doudianEventSign } from '@kefu/wire';
import { describe, expect, it } from 'vitest';
import { verifyDoudianPush } from './verify.ts';

const appKey = '7000000000000000001';
const secret = 'doudian-secret';
const body = '[{"tag":"101","msg_id":"1","data":"{}"}]';
const request = (headers: Record<string, string>): WebhookRequest => ({ method: 'POST', url: new URL('https://kefu.test/webhooks/doudian'), headers: new Headers(headers), body });

describe('verifyDoudianPush', () => {
  it('should accept the MD5 event-sign in either hex case', () => {
    const sign = doudianEventSign(appKey, body, secret);
    expect(verifyDoudianPush(request({ 'app-id': appKey, 'event-sign': sign }), appKey, secret)).toEqual({ kind: 'ok' });
    expect(verifyDoudianPush(request({ 'app-id': appKey, 'event-sign': sign.toUpperCase() }), appKey, secret)).toEqual({ kind: 'ok' });
  });

  it('should reject a missing app-id or event-sign, and a sign-method it does not know', () => {
    const sign = doudianEventSign(appKey, body, secret);
    expect(verifyDoudianPush(request({ 'event-sign': sign }), appKey, secret)).toEqual({ kind: 'rejected', reason: 'app-id is missing' });
    expect(verifyDoudianPush(request({ 'app-id': appKey }), appKey, secret)).toEqual({ kind: 'rejected', reason: 'event-sign is missing' });
    expect(verifyDoudianPush(request({ 'app-id': appKey, 'event-sign': sign, 'sign-method': 'sha1' }), appKey, secret)).toMatchObject({ kind: 'rejected' });
  });
});
