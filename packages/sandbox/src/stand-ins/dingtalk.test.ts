import { dingtalkSign } from '@kefu/wire';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../server/sandbox.ts';
import { dingtalk, dingtalkRobotUrl, DINGTALK_PER_MINUTE } from './dingtalk.ts';

const credentials = dingtalk.credentials as { DINGTALK_TEST_ACCESS_TOKEN: string; DINGTALK_TEST_SECRET: string };
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ standIns: [dingtalk], config: credentials });
});
afterAll(() => sandbox.close());

const markdown = { msgtype: 'markdown', markdown: { title: '升级', text: '### 升级' } };
type Answer = { errcode: number; errmsg: string };

async function send(o: { token?: string; secret?: string; timestamp?: number; sign?: string; body?: unknown } = {}): Promise<Answer> {
  const timestamp = o.timestamp ?? Date.now();
  const sign = o.sign ?? dingtalkSign(o.secret ?? credentials.DINGTALK_TEST_SECRET, timestamp);
  const url = `${dingtalkRobotUrl(sandbox.url, o.token)}&timestamp=${timestamp}&sign=${encodeURIComponent(sign)}`;
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(o.body ?? markdown) });
  expect(response.status).toBe(200); // DingTalk reports errors in the body
  return (await response.json()) as Answer;
}

describe('dingtalk robot stand-in', () => {
  it('should accept a correctly signed message and record it as dingtalk:<token>', async () => {
    expect(await send()).toEqual({ errcode: 0, errmsg: 'ok' });
    const last = sandbox.state.records.at(-1);
    expect(last?.channel).toBe(`dingtalk:${credentials.DINGTALK_TEST_ACCESS_TOKEN}`);
    expect(last?.parsed).toEqual(markdown);
  });

  it('should answer 310000 to a wrong secret, a sign left unencoded and a timestamp over an hour off', async () => {
    expect(await send({ secret: 'SECguess' })).toEqual({ errcode: 310000, errmsg: 'sign not match' });
    // A raw base64 sign: its `+` arrive as spaces.
    let timestamp = Date.now();
    while (!dingtalkSign(credentials.DINGTALK_TEST_SECRET, timestamp).includes('+')) timestamp += 1;
    const raw = dingtalkSign(credentials.DINGTALK_TEST_SECRET, timestamp);
    const response = await fetch(`${dingtalkRobotUrl(sandbox.url)}&timestamp=${timestamp}&sign=${raw}`, { method: 'POST', body: JSON.stringify(markdown) });
    expect(((await response.json()) as Answer).errcode).toBe(310000);
    expect(await send({ timestamp: Date.now() - 3_601_000 })).toEqual({ errcode: 310000, errmsg: 'invalid timestamp' });
  });

  it('should answer unknown and missing tokens, and malformed bodies', async () => {
    expect(await send({ token: 'someone-else' })).toEqual({ errcode: 300001, errmsg: 'token is not exist' });
    expect(await send({ token: '' })).toMatchObject({ errcode: 40035 });
    expect(await send({ body: { msgtype: 'voice' } })).toMatchObject({ errcode: 40035, errmsg: expect.stringContaining('unknown msgtype') });
    expect(await send({ body: { msgtype: 'actionCard', actionCard: { title: 't' } } })).toMatchObject({ errcode: 40035, errmsg: 'sandbox: missing actionCard.text' });
  });

  it('should answer 130101 once a token sends more than 20 a minute, and keep refusing while blocked', async () => {
    // A fresh sandbox: the sends above counted against the shared token.
    const own = await startSandbox({ standIns: [dingtalk], config: credentials });
    const post = async () => {
      const timestamp = Date.now();
      const url = `${dingtalkRobotUrl(own.url)}&timestamp=${timestamp}&sign=${encodeURIComponent(dingtalkSign(credentials.DINGTALK_TEST_SECRET, timestamp))}`;
      return ((await (await fetch(url, { method: 'POST', body: JSON.stringify(markdown) })).json()) as Answer).errcode;
    };
    try {
      const codes: number[] = [];
      for (let i = 0; i < DINGTALK_PER_MINUTE + 2; i += 1) codes.push(await post());
      expect(codes.slice(0, DINGTALK_PER_MINUTE)).toEqual(Array(DINGTALK_PER_MINUTE).fill(0));
      expect(codes.slice(DINGTALK_PER_MINUTE)).toEqual([130101, 130101]);
    } finally {
      await own.close();
    }
  });

  it('should not check signs when no secret is configured', async () => {
    const open = await startSandbox({ standIns: [dingtalk], config: {} });
    try {
      const response = await fetch(`${open.url}/robot/send?access_token=any`, { method: 'POST', body: JSON.stringify(markdown) });
      expect(await response.json()).toEqual({ errcode: 0, errmsg: 'ok' });
    } finally {
      await open.close();
    }
  });
});
