import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../server/sandbox.ts';
import { wecom } from './wecom.ts';
import { wecomBot, WECOM_BOT_PER_MINUTE, wecomBotUrl } from './wecom-bot.ts';

const credentials = wecomBot.credentials as { WECOM_BOT_TEST_KEY: string };
let sandbox: Sandbox;
beforeAll(async () => {
  // Beside the 微信客服 stand-in, as in the real sandbox: the paths must not clash.
  sandbox = await startSandbox({ standIns: [wecom, wecomBot], config: { ...wecom.credentials, ...credentials } });
});
afterAll(() => sandbox.close());

type Answer = { errcode: number; errmsg: string };
const markdown = (content = '**升级**') => ({ msgtype: 'markdown', markdown: { content } });

async function send(body: unknown, url = wecomBotUrl(sandbox.url)): Promise<Answer> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(response.status).toBe(200);
  return (await response.json()) as Answer;
}

describe('wecom group robot stand-in', () => {
  it('should accept markdown and text with mentions, recorded as wecom-bot:<key>', async () => {
    expect(await send(markdown())).toEqual({ errcode: 0, errmsg: 'ok' });
    expect(await send({ msgtype: 'text', text: { content: '升级', mentioned_list: ['zhangsan'], mentioned_mobile_list: ['13800000000'] } })).toEqual({ errcode: 0, errmsg: 'ok' });
    expect(sandbox.state.records.at(-1)?.channel).toBe(`wecom-bot:${credentials.WECOM_BOT_TEST_KEY}`);
  });

  it('should answer 93000 to a wrong or missing key', async () => {
    expect((await send(markdown(), wecomBotUrl(sandbox.url, 'guess'))).errcode).toBe(93000);
    expect((await send(markdown(), `${sandbox.url}/cgi-bin/webhook/send`)).errcode).toBe(93000);
  });

  it('should enforce the byte limits: 4096 for markdown, 2048 for text', async () => {
    expect((await send(markdown('字'.repeat(1365)))).errcode).toBe(0); // 4095 bytes
    expect(await send(markdown('字'.repeat(1366)))).toEqual({ errcode: 40058, errmsg: 'markdown.content exceed max length 4096' });
    expect((await send({ msgtype: 'text', text: { content: 'a'.repeat(2049) } })).errcode).toBe(40058);
    expect((await send({ msgtype: 'voice_call' })).errcode).toBe(40008);
    expect((await send({ msgtype: 'markdown', markdown: {} })).errcode).toBe(40058);
  });

  it('should answer 45009 to the 21st message within a minute', async () => {
    const own = await startSandbox({ standIns: [wecomBot], config: credentials });
    try {
      const codes: number[] = [];
      for (let i = 0; i < WECOM_BOT_PER_MINUTE + 1; i += 1) codes.push((await send(markdown(), wecomBotUrl(own.url))).errcode);
      expect(codes.slice(0, WECOM_BOT_PER_MINUTE).every((c) => c === 0)).toBe(true);
      expect(codes[WECOM_BOT_PER_MINUTE]).toBe(45009);
    } finally {
      await own.close();
    }
  });

  it('should leave the 微信客服 API to its own stand-in', async () => {
    const response = await fetch(`${sandbox.url}/cgi-bin/kf/send_msg`, { method: 'POST', body: '{}' });
    expect(((await response.json()) as Answer).errcode).toBe(41001);
    expect(sandbox.state.records.at(-1)?.channel).toBe('wecom:send_msg');
  });
});
