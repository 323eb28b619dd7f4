import { feishuSign } from '@kefu/wire';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startSandbox, type Sandbox } from '../server/sandbox.ts';
import { feishu, FEISHU_PER_SECOND, feishuHookUrl } from './feishu.ts';

const credentials = feishu.credentials as { FEISHU_TEST_HOOK_ID: string; FEISHU_TEST_SECRET: string };
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ standIns: [feishu], config: credentials });
});
afterAll(() => sandbox.close());

type Answer = { code: number; msg: string; data: unknown };
const card = { msg_type: 'interactive', card: { header: { title: { tag: 'plain_text', content: '升级' } }, elements: [] } };

function signed(body: Record<string, unknown>, o: { secret?: string; timestamp?: number } = {}): Record<string, unknown> {
  const timestamp = o.timestamp ?? Math.floor(Date.now() / 1000);
  return { timestamp: String(timestamp), sign: feishuSign(o.secret ?? credentials.FEISHU_TEST_SECRET, timestamp), ...body };
}

async function post(body: unknown, url = feishuHookUrl(sandbox.url)): Promise<Answer> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  expect(response.status).toBe(200);
  return (await response.json()) as Answer;
}

describe('feishu custom bot stand-in', () => {
  it('should accept a signed interactive card and record it as feishu:<id>', async () => {
    expect(await post(signed(card))).toEqual({ code: 0, data: {}, msg: 'success' });
    expect(sandbox.state.records.at(-1)?.channel).toBe(`feishu:${credentials.FEISHU_TEST_HOOK_ID}`);
  });

  it('should answer 19021 to a wrong secret, a missing sign and a stale timestamp', async () => {
    const fail = { code: 19021, data: {}, msg: 'sign match fail or timestamp is not within one hour from current time' };
    expect(await post(signed(card, { secret: 'guess' }))).toEqual(fail);
    expect(await post(card)).toEqual(fail);
    expect(await post(signed(card, { timestamp: Math.floor(Date.now() / 1000) - 3601 }))).toEqual(fail);
  });

  it('should refuse an unknown hook, a body over 20 KB and a msg_type without its content', async () => {
    expect((await post(signed(card), feishuHookUrl(sandbox.url, 'other-hook'))).code).toBe(19001);
    const big = signed({ msg_type: 'text', content: { text: '长'.repeat(7000) } });
    expect(await post(big)).toMatchObject({ code: 9499, msg: expect.stringContaining('body over 20480 bytes') });
    expect((await post(signed({ msg_type: 'text', content: {} }))).code).toBe(9499);
    expect((await post('not json')).code).toBe(9499);
  });

  it('should answer 11232 to the sixth message within a second', async () => {
    const own = await startSandbox({ standIns: [feishu], config: credentials });
    try {
      const codes = await Promise.all(Array.from({ length: FEISHU_PER_SECOND + 1 }, () => post(signed(card), feishuHookUrl(own.url)).then((a) => a.code)));
      expect(codes.filter((c) => c === 0)).toHaveLength(FEISHU_PER_SECOND);
      expect(codes.filter((c) => c === 11232)).toHaveLength(1);
    } finally {
      await own.close();
    }
  });

  it('should answer 11232 past 100 a minute even when spread over seconds', async () => {
    const own = await startSandbox({ standIns: [feishu], config: credentials });
    // The sandbox stamps each request's `at` from the clock: step only Date, 250 ms a send.
    vi.useFakeTimers({ toFake: ['Date'] });
    let clock = Date.now();
    try {
      const codes: number[] = [];
      for (let i = 0; i < 101; i += 1) {
        codes.push((await post(signed(card, { timestamp: Math.floor(clock / 1000) }), feishuHookUrl(own.url))).code);
        clock += 250;
        vi.setSystemTime(clock);
      }
      expect(codes.slice(0, 100).every((c) => c === 0)).toBe(true);
      expect(codes[100]).toBe(11232);
    } finally {
      vi.useRealTimers();
      await own.close();
    }
  });
});
