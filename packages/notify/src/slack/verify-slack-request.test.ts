import { slackSignature } from '@kefu/wire';
import { describe, expect, it } from 'vitest';
import { verifySlackRequest } from './verify-slack-request.ts';

// The protocols §8 vector: Slack's documented example request.
const SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
const TS = '1531420618';
const BODY =
  'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
const SIG = 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503';
const at = (seconds: number) => seconds * 1000;

describe('verifySlackRequest', () => {
  it('should accept the protocols §8 vector within the window', () => {
    expect(verifySlackRequest(SECRET, TS, SIG, BODY, at(1531420618 + 12))).toEqual({ kind: 'ok' });
    expect(verifySlackRequest(SECRET, TS, SIG, BODY, at(1531420618 + 300))).toEqual({ kind: 'ok' });
  });

  it('should reject a request 301 s old or 301 s ahead', () => {
    expect(verifySlackRequest(SECRET, TS, SIG, BODY, at(1531420618 + 301))).toMatchObject({ kind: 'rejected', reason: expect.stringMatching(/stale/) });
    expect(verifySlackRequest(SECRET, TS, SIG, BODY, at(1531420618 - 301))).toMatchObject({ kind: 'rejected' });
  });

  it('should reject a bad signature: other body, other secret, other timestamp, other case', () => {
    const now = at(1531420618);
    expect(verifySlackRequest(SECRET, TS, SIG, `${BODY}&x=1`, now)).toEqual({ kind: 'rejected', reason: 'bad signature' });
    expect(verifySlackRequest('another-secret', TS, SIG, BODY, now)).toEqual({ kind: 'rejected', reason: 'bad signature' });
    expect(verifySlackRequest(SECRET, '1531420619', SIG, BODY, now)).toEqual({ kind: 'rejected', reason: 'bad signature' });
    expect(verifySlackRequest(SECRET, TS, SIG.toUpperCase(), BODY, now)).toEqual({ kind: 'rejected', reason: 'bad signature' });
  });

  it('should reject missing or malformed headers', () => {
    const now = at(1531420618);
    expect(verifySlackRequest(SECRET, undefined, SIG, BODY, now)).toEqual({ kind: 'rejected', reason: 'missing X-Slack-Request-Timestamp' });
    expect(verifySlackRequest(SECRET, TS, undefined, BODY, now)).toEqual({ kind: 'rejected', reason: 'missing X-Slack-Signature' });
    expect(verifySlackRequest(SECRET, '', '', BODY, now)).toMatchObject({ kind: 'rejected' });
    expect(verifySlackRequest(SECRET, '1531420618.5', SIG, BODY, now)).toEqual({ kind: 'rejected', reason: 'malformed X-Slack-Request-Timestamp' });
  });

  it('should reject everything when no signing secret is configured, even a request signed with the empty key', () => {
    const forged = slackSignature('', TS, BODY);
    expect(verifySlackRequest('', TS, forged, BODY, at(1531420618))).toEqual({ kind: 'rejected', reason: 'no signing secret configured' });
  });
});
