/**
 * The part of Workers KV the rules store uses. Cloudflare's `KVNamespace` satisfies it as is; the
 * CLI implements it over the Cloudflare REST API, tests in memory (test-support/memory-kv.ts).
 */
export interface KvLike {
  get(key: string, type: 'text'): Promise<string | null>;
  getWithMetadata(key: string, type: 'text'): Promise<{ value: string | null; metadata: unknown }>;
  put(key: string, value: string, options?: { metadata?: unknown }): Promise<void>;
  /** One page of keys in lexicographic order, with their metadata; `cursor` continues while `list_complete` is false. */
  list(options: { prefix: string; cursor?: string | null; limit?: number }): Promise<KvListPage>;
}

export type KvListPage = { keys: { name: string; metadata?: unknown }[]; list_complete: boolean; cursor?: string };

/** One entry of `wrangler kv bulk put` (and of the REST bulk write): how versions are seeded. */
export type KvBulkEntry = { key: string; value: string; metadata?: unknown };
