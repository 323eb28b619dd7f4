import type { Faults, Recorded } from '@kefu/sandbox';

/** The sandbox's control API, from inside workerd. */
export function sandboxClient(baseUrl: string) {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${baseUrl}/__sandbox/${path}`, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    if (!response.ok) throw new Error(`sandbox ${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  return {
    /** What a channel (or a channel family: `wecom` matches `wecom:send`) received. */
    requests: (channel?: string) => call<Recorded[]>('GET', `requests${channel ? `?channel=${encodeURIComponent(channel)}` : ''}`),
    reset: () => call('DELETE', 'requests'),
    faults: (channel: string, faults: Faults) => call('POST', `faults/${encodeURIComponent(channel)}`, faults),
    release: () => call<{ released: number }>('POST', 'release'),
    /** Queue items for a pull platform to hand out. */
    inbox: (key: string, items: unknown[]) => call('POST', `inbox/${encodeURIComponent(key)}`, items),
  };
}

/** Poll until `check` returns a value (not a timing assertion: it fails only if nothing ever comes). */
export async function eventually<T>(check: () => Promise<T | undefined | false>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
