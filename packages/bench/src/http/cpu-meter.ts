import { cpuSeconds, type WorkerdPair } from '../proc/workerd-processes.ts';

/** CPU seconds used by each process of a workerd pair over a span. */
export type CpuSpan = { proxy: number; worker: number };

/** CPU used during a load run, and including the work it left behind (queue sends, logs, pulls). */
export type CpuMeasure<T> = { result: T; during: CpuSpan; withDrain: CpuSpan; drainSeconds: number; drained: boolean };

const read = (pair: WorkerdPair): CpuSpan => ({ proxy: cpuSeconds(pair.proxy), worker: cpuSeconds(pair.worker) });
const minus = (a: CpuSpan, b: CpuSpan): CpuSpan => ({ proxy: a.proxy - b.proxy, worker: a.worker - b.worker });

/** One clock tick (and a hair, for float sums) in this window means idle. */
const IDLE_WINDOW_MS = 500;
const IDLE_CPU_SECONDS = 0.011;

/**
 * Wait until a process has used under one clock tick of CPU in half a second, or `maxMs` passes:
 * a webhook's ack comes before its queued sends, so the work it causes goes on after the load.
 */
export async function waitForIdle(pid: number, maxMs = 15_000): Promise<{ seconds: number; drained: boolean }> {
  const started = Date.now();
  let last = cpuSeconds(pid);
  while (Date.now() - started < maxMs) {
    await new Promise((resolve) => setTimeout(resolve, IDLE_WINDOW_MS));
    const now = cpuSeconds(pid);
    const idle = now - last < IDLE_CPU_SECONDS;
    last = now;
    if (idle) return { seconds: (Date.now() - started) / 1000, drained: true };
  }
  return { seconds: (Date.now() - started) / 1000, drained: false };
}

/**
 * Read the pair's CPU (utime + stime from /proc/<pid>/stat) before and after `run`, and again
 * once the worker has gone idle, so the second span holds the whole cost of what `run` sent.
 */
export async function measureCpu<T>(pair: WorkerdPair, run: () => Promise<T>, maxDrainMs = 12_000): Promise<CpuMeasure<T>> {
  const before = read(pair);
  const result = await run();
  const after = read(pair);
  const drain = await waitForIdle(pair.worker, maxDrainMs);
  return { result, during: minus(after, before), withDrain: minus(read(pair), before), drainSeconds: drain.seconds, drained: drain.drained };
}
