import { describe, expect, it } from 'vitest';
import type { ChannelRequest } from '../escalation/index.ts';
import { deliver } from './deliver.ts';
import { rateLimit } from './rate-limit.ts';

const request: ChannelRequest = {
  url: 'https://oapi.dingtalk.com/robot/send?access_token=SECRET-TOKEN',
  method: 'POST',
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body: '{"msgtype":"markdown"}',
};

/** A fetch that records what it was asked and answers with `response`. */
function fakeFetch(response: () => Response): { fetch: typeof fetch; calls: { url: string; init: RequestInit | undefined }[] } {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  const fetchImpl = ((input: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(input), init });
    return Promise.resolve(response());
  }) as typeof fetch;
  return { fetch: fetchImpl, calls };
}

describe('deliver', () => {
  it('should send the request as rendered and classify the answer', async () => {
    const fake = fakeFetch(() => new Response('{"errcode":0,"errmsg":"ok"}'));
    expect(await deliver(request, 'dingtalk', fake.fetch)).toEqual({ kind: 'sent' });
    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0]?.url).toBe(request.url);
    expect(fake.calls[0]?.init).toMatchObject({ method: 'POST', headers: request.headers, body: request.body });
    expect(fake.calls[0]?.init?.signal).toBeInstanceOf(AbortSignal);
  });

  it('should classify platform errors that come with HTTP 200', async () => {
    const fake = fakeFetch(() => new Response('{"errcode":130101,"errmsg":"send too fast"}'));
    expect(await deliver(request, 'dingtalk', fake.fetch)).toMatchObject({ kind: 'throttled', retryAfterMs: 600_000 });
  });

  it('should turn a 429 with Retry-After into throttled for that long', async () => {
    const fake = fakeFetch(() => new Response('rate_limited', { status: 429, headers: { 'retry-after': '30' } }));
    expect(await deliver(request, 'slack', fake.fetch)).toEqual({ kind: 'throttled', retryAfterMs: 30_000, reason: 'HTTP 429: rate_limited' });
  });

  it("should prefer Feishu's x-ogw-ratelimit-reset over the default wait", async () => {
    const fake = fakeFetch(() => new Response('{"code":99991400,"msg":"request trigger frequency limit"}', { status: 429, headers: { 'x-ogw-ratelimit-reset': '52' } }));
    expect(await deliver(request, 'feishu', fake.fetch)).toMatchObject({ kind: 'throttled', retryAfterMs: 52_000 });
  });

  it('should keep a 429 without a usable wait as retry', async () => {
    const fake = fakeFetch(() => new Response('', { status: 429, headers: { 'retry-after': 'Wed, 21 Oct 2015 07:28:00 GMT' } }));
    expect((await deliver(request, 'webhook', fake.fetch)).kind).toBe('retry');
  });

  it('should call a network error retry, without the token-bearing URL in the reason', async () => {
    const failing = (() => Promise.reject(new TypeError(`fetch failed for ${request.url}`))) as typeof fetch;
    const outcome = await deliver(request, 'dingtalk', failing);
    expect(outcome.kind).toBe('retry');
    expect(JSON.stringify(outcome)).not.toContain('SECRET-TOKEN');
    expect(outcome.kind === 'retry' && outcome.reason).toBe('network: TypeError: fetch failed for <channel url>');
  });

  it('should call a timeout retry', async () => {
    const timingOut = (() => Promise.reject(new DOMException('The operation was aborted due to timeout', 'TimeoutError'))) as typeof fetch;
    expect(await deliver(request, 'feishu', timingOut)).toMatchObject({ kind: 'retry', reason: expect.stringContaining('TimeoutError') });
  });

  it('should work against a real local server through the global fetch', async () => {
    const { createServer } = await import('node:http');
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => res.writeHead(200, { 'content-type': 'text/plain' }).end(body === request.body && req.method === 'POST' ? 'ok' : 'mismatch'));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      expect(await deliver({ ...request, url: `http://127.0.0.1:${port}/services/T/B/X` }, 'slack')).toEqual({ kind: 'sent' });
    } finally {
      server.close();
    }
  });
});

describe('rateLimit', () => {
  it('should give each platform its published limit', () => {
    expect(rateLimit('dingtalk')).toEqual({ perMinute: 20 });
    expect(rateLimit('wecom')).toEqual({ perMinute: 20 });
    expect(rateLimit('feishu')).toEqual({ perMinute: 100, perSecond: 5 });
    expect(rateLimit('slack')).toEqual({ perMinute: 60, perSecond: 1 });
    expect(rateLimit('webhook')).toEqual({ perMinute: 60 });
  });

  it('should hand out a copy the caller cannot use to change the table', () => {
    rateLimit('dingtalk').perMinute = 1000;
    expect(rateLimit('dingtalk').perMinute).toBe(20);
  });
});
