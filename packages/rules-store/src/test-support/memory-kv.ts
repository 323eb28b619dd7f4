import type { KvLike, KvListPage } from '../kv-like.ts';

/**
 * Workers KV in memory, for tests: text values with metadata (serialised like KV does, and
 * refused over 1,024 bytes), keys listed in lexicographic order by prefix, in pages with a cursor.
 */
export class MemoryKv implements KvLike {
  readonly entries = new Map<string, { value: string; metadata: string | null }>();
  /** Every call, in order (`get rules:global`, `put …`, `list rules:global@`). */
  readonly calls: string[] = [];
  readonly #pageSize: number;

  constructor(options: { pageSize?: number } = {}) {
    this.#pageSize = options.pageSize ?? 1000;
  }

  async get(key: string, _type: 'text'): Promise<string | null> {
    this.calls.push(`get ${key}`);
    return this.entries.get(key)?.value ?? null;
  }

  async getWithMetadata(key: string, _type: 'text'): Promise<{ value: string | null; metadata: unknown }> {
    this.calls.push(`getWithMetadata ${key}`);
    const entry = this.entries.get(key);
    return { value: entry?.value ?? null, metadata: entry?.metadata ? JSON.parse(entry.metadata) : null };
  }

  async put(key: string, value: string, options: { metadata?: unknown } = {}): Promise<void> {
    this.calls.push(`put ${key}`);
    if (new TextEncoder().encode(key).length > 512) throw new Error(`KV PUT failed: 414 key longer than 512 bytes`);
    const metadata = options.metadata === undefined ? null : JSON.stringify(options.metadata);
    if (metadata !== null && new TextEncoder().encode(metadata).length > 1024) throw new Error('KV PUT failed: 413 metadata over 1024 bytes');
    this.entries.set(key, { value, metadata });
  }

  async list(options: { prefix: string; cursor?: string | null; limit?: number }): Promise<KvListPage> {
    this.calls.push(`list ${options.prefix}`);
    const limit = Math.min(options.limit ?? this.#pageSize, this.#pageSize);
    const after = options.cursor ? decodeURIComponent(atob(options.cursor)) : undefined;
    const names = [...this.entries.keys()].filter((k) => k.startsWith(options.prefix) && (after === undefined || byteOrder(k, after) > 0)).sort(byteOrder);
    const page = names.slice(0, limit);
    const keys = page.map((name) => {
      const metadata = this.entries.get(name)?.metadata;
      return metadata ? { name, metadata: JSON.parse(metadata) as unknown } : { name };
    });
    if (names.length <= limit) return { keys, list_complete: true };
    return { keys, list_complete: false, cursor: btoa(encodeURIComponent(page.at(-1)!)) };
  }

  /** A raw write, as `wrangler kv key put` would make it (no metadata). */
  putRaw(key: string, value: string): void {
    this.entries.set(key, { value, metadata: null });
  }
}

/** KV orders keys by their UTF-8 bytes (JavaScript's default sort compares UTF-16 units). */
function byteOrder(a: string, b: string): number {
  const x = new TextEncoder().encode(a);
  const y = new TextEncoder().encode(b);
  for (let i = 0; i < Math.min(x.length, y.length); i += 1) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}
