import type { Faults } from './types.ts';

/** Per-channel faults with a deterministic failure pattern, so a "50 % failing" run is reproducible. */
export class FaultTable {
  readonly #faults = new Map<string, Faults>();
  readonly #calls = new Map<string, number>();
  readonly #held: (() => void)[] = [];

  set(channel: string, faults: Faults): void {
    this.#faults.set(channel, faults);
    this.#calls.set(channel, 0);
  }

  clear(): void {
    this.#faults.clear();
    this.release();
  }

  /** What to do with this call: wait, then either fail or answer normally. */
  async apply(channel: string): Promise<{ fail: false } | { fail: true; with: number | 'drop' }> {
    const faults = this.#faults.get(channel) ?? this.#faults.get('*');
    if (!faults) return { fail: false };
    if (faults.hold) await new Promise<void>((resolve) => this.#held.push(resolve));
    if (faults.delayMs) await new Promise((resolve) => setTimeout(resolve, faults.delayMs));
    const n = (this.#calls.get(channel) ?? 0) + 1;
    this.#calls.set(channel, n);
    const rate = faults.failRate ?? 0;
    // Call n fails when floor(n·rate) steps up: rate 0.5 fails every second call, 1 fails all.
    const fails = Math.floor(n * rate) > Math.floor((n - 1) * rate);
    return fails ? { fail: true, with: faults.failWith ?? 503 } : { fail: false };
  }

  /** Let every held call go on. */
  release(): number {
    const held = this.#held.splice(0);
    for (const resolve of held) resolve();
    return held.length;
  }
}
