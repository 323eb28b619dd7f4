/** What the message socket counts, durably (it survives the object being restarted). */
export const COUNTERS = ['connects', 'connectFailures', 'heartbeats', 'acked', 'unhandled', 'unreadable', 'notRecorded'] as const;
export type Counter = (typeof COUNTERS)[number];

/** The socket's counters and last error, in the Durable Object's synchronous KV storage. */
export class SocketStats {
  readonly #kv: SyncKvStorage;

  constructor(kv: SyncKvStorage) {
    this.#kv = kv;
  }

  bump(counter: Counter, by = 1): void {
    this.#kv.put(`count:${counter}`, this.get(counter) + by);
  }

  get(counter: Counter): number {
    return this.#kv.get<number>(`count:${counter}`) ?? 0;
  }

  /** Messages of a type we ack without acting on, per type: what to map next. */
  bumpType(type: string): void {
    const key = `type:${type}`;
    this.#kv.put(key, (this.#kv.get<number>(key) ?? 0) + 1);
  }

  byType(): Record<string, number> {
    return Object.fromEntries([...this.#kv.list<number>({ prefix: 'type:' })].map(([key, n]) => [key.slice('type:'.length), n]));
  }

  /** Remember why the socket last failed (never buyer data: reasons are ours). */
  recordError(reason: string): void {
    this.#kv.put('lastError', { reason, at: Date.now() });
  }

  lastError(): { reason: string; at: number } | null {
    return this.#kv.get<{ reason: string; at: number } | null>('lastError') ?? null;
  }

  counts(): Record<Counter, number> {
    return Object.fromEntries(COUNTERS.map((c) => [c, this.get(c)])) as Record<Counter, number>;
  }
}
