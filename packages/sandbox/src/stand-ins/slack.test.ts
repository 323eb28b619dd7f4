import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startSandbox, type Sandbox } from '../server/sandbox.ts';
import { slack, SLACK_BURST, slackWebhookUrl } from './slack.ts';

const credentials = slack.credentials as { SLACK_TEST_WEBHOOK_PATH: string };
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ standIns: [slack], config: credentials });
});
afterAll(() => sandbox.close());

const message = { text: '【紧急】升级', blocks: [{ type: 'header', text: { type: 'plain_text', text: '【紧急】升级' } }] };

async function post(body: unknown, url = slackWebhookUrl(sandbox.url)): Promise<{ status: number; text: string; retryAfter: string | null }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: response.status, text: await response.text(), retryAfter: response.headers.get('retry-after') };
}

describe('slack incoming webhook stand-in', () => {
  it('should answer ok and record the message as slack:<path tail>', async () => {
    expect(await post(message)).toMatchObject({ status: 200, text: 'ok' });
    expect(sandbox.state.records.at(-1)?.channel).toBe(`slack:${credentials.SLACK_TEST_WEBHOOK_PATH}`);
  });

  it('should answer no_service to another hook and refuse payloads Slack refuses', async () => {
    expect(await post(message, slackWebhookUrl(sandbox.url, 'T0/B0/guess'))).toMatchObject({ status: 404, text: 'no_service' });
    expect(await post('not json')).toMatchObject({ status: 400, text: 'invalid_payload' });
    expect(await post({ blocks: [] })).toMatchObject({ status: 400, text: 'no_text' });
    expect(await post({ text: 'x', blocks: Array.from({ length: 51 }, () => ({ type: 'divider' })) })).toMatchObject({ status: 400, text: 'invalid_blocks' });
  });

  it('should tolerate a burst of 10, then answer 429 with Retry-After', async () => {
    const own = await startSandbox({ standIns: [slack], config: credentials });
    // Freeze the clock so a slow machine cannot refill the bucket mid-burst.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const results = [];
      for (let i = 0; i < SLACK_BURST + 1; i += 1) results.push(await post(message, slackWebhookUrl(own.url)));
      expect(results.slice(0, SLACK_BURST).every((r) => r.status === 200)).toBe(true);
      expect(results[SLACK_BURST]).toEqual({ status: 429, text: 'rate_limited', retryAfter: '1' });
      vi.setSystemTime(Date.now() + 1000);
      expect(await post(message, slackWebhookUrl(own.url))).toMatchObject({ status: 200 });
    } finally {
      vi.useRealTimers();
      await own.close();
    }
  });
});
