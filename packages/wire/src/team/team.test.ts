import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dingtalkSign } from './dingtalk.ts';
import { feishuSign } from './feishu.ts';
import { genericWebhookSignature } from './generic-webhook.ts';
import { slackSignature } from './slack.ts';

describe('slackSignature', () => {
  it('should reproduce the protocols §8 Slack v0 vector', () => {
    const body =
      'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
    expect(slackSignature('8f742231b10e8888abcd99yyyzzz85a5', '1531420618', body)).toBe(
      'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
    );
  });
});

describe('dingtalkSign', () => {
  it('should reproduce the protocols §8 DingTalk vector, not URL-encoded', () => {
    const sign = dingtalkSign('SEC0123456789abcdef', 1700000000000);
    expect(sign).toBe('TSZbRFUuvaSQaRKUpF970OPCb2/LcQAP3wOvwZIzBZk=');
    expect(encodeURIComponent(sign)).toBe('TSZbRFUuvaSQaRKUpF970OPCb2%2FLcQAP3wOvwZIzBZk%3D');
  });

  it('should refuse a fractional timestamp', () => {
    expect(() => dingtalkSign('SEC', 1700000000000.5)).toThrow(RangeError);
  });
});

describe('feishuSign', () => {
  it('should reproduce the protocols §8 Feishu vector', () => {
    expect(feishuSign('demo-secret', 1700000000)).toBe('mYHw2R2SOm8Rw/sne3lQdmz4sOfntKR+1P/8RKKTwmA=');
  });
});

describe('genericWebhookSignature', () => {
  it('should be sha256= and the hex HMAC over timestamp.body', () => {
    const expected = createHmac('sha256', 'hook-secret').update('1700000000.{"kind":"escalate"}').digest('hex');
    expect(genericWebhookSignature('hook-secret', '1700000000', '{"kind":"escalate"}')).toBe(`sha256=${expected}`);
  });
});
