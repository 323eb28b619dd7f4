/**
 * The chat's simulated clock: starts at a chosen instant and then runs with real time, so a pause
 * at the keyboard counts, while `/wait` and `/at` move it without waiting. The real clock is
 * passed in so tests control it.
 */
export class SimClock {
  readonly #real: () => number;
  /** Simulated minus real time. */
  #offset: number;

  constructor(start: number, real: () => number = Date.now) {
    this.#real = real;
    this.#offset = start - real();
  }

  now(): number {
    return this.#real() + this.#offset;
  }

  advance(ms: number): void {
    this.#offset += ms;
  }

  set(at: number): void {
    this.#offset = at - this.#real();
  }
}
