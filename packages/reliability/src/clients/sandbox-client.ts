import { sandboxUrl } from '@kefu/cli';
import type { Faults, Recorded } from '@kefu/sandbox';

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${sandboxUrl()}/__sandbox/${path}`, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  if (!response.ok) throw new Error(`sandbox ${method} ${path}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** The sandbox's control API (packages/sandbox server/sandbox.ts), over HTTP like any client. */
export const sandbox = {
  /** What a channel (or a family: `bridge` matches `bridge:jd`) received after `since`. */
  requests: (channel: string, since = 0) => call<Recorded[]>('GET', `requests?${new URLSearchParams({ channel, since: String(since) })}`),
  faults: (channel: string, faults: Faults) => call('POST', `faults/${encodeURIComponent(channel)}`, faults),
  /** No more faults on these channels (an empty fault never fails or waits). */
  async heal(channels: readonly string[]): Promise<void> {
    for (const channel of channels) await call('POST', `faults/${encodeURIComponent(channel)}`, {});
    await call('POST', 'release');
  },
  /** Queue items a pull platform hands out (WeCom `sync_msg`: key `wecom:<open_kfid>`). */
  inbox: (key: string, items: unknown[]) => call<{ queued: number }>('POST', `inbox/${encodeURIComponent(key)}`, items),
};
