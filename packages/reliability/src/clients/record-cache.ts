import type { Recorded } from '@kefu/sandbox';
import { sandbox } from './sandbox-client.ts';

/**
 * What the sandbox received on some channels, read incrementally (`?since=`). A record is final once
 * the sandbox answered it (status ≠ 0); reads start again from the oldest one still in flight.
 */
export class RecordCache {
  readonly #channels: readonly string[];
  readonly #records = new Map<string, Map<number, Recorded>>();
  readonly #since = new Map<string, number>();

  constructor(channels: readonly string[]) {
    this.#channels = channels;
  }

  async read(): Promise<Recorded[]> {
    for (const channel of this.#channels) {
      const known = this.#records.get(channel) ?? new Map<number, Recorded>();
      this.#records.set(channel, known);
      for (const r of await sandbox.requests(channel, this.#since.get(channel) ?? 0)) {
        // `requests?channel=bridge:jd` also matches longer names; keep the exact channel only.
        if (r.channel === channel) known.set(r.seq, r);
      }
      let oldestInFlight = Infinity;
      let newest = 0;
      for (const r of known.values()) {
        if (r.status === 0) oldestInFlight = Math.min(oldestInFlight, r.seq);
        newest = Math.max(newest, r.seq);
      }
      this.#since.set(channel, Number.isFinite(oldestInFlight) ? oldestInFlight - 1 : newest);
    }
    return [...this.#records.values()].flatMap((m) => [...m.values()]).sort((a, b) => a.seq - b.seq);
  }
}
