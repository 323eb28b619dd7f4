export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Poll `probe` until it returns a value, or give up at the deadline and return the last answer
 * it gave as `timedOut` (a check reports what it saw rather than only "timed out").
 */
export async function until<T>(probe: () => Promise<{ done: true; value: T } | { done: false; value: T }>, timeoutMs: number, everyMs = 2_000): Promise<{ kind: 'done'; value: T; ms: number } | { kind: 'timedOut'; value: T; ms: number }> {
  const start = Date.now();
  for (;;) {
    const answer = await probe();
    const ms = Date.now() - start;
    if (answer.done) return { kind: 'done', value: answer.value, ms };
    if (ms >= timeoutMs) return { kind: 'timedOut', value: answer.value, ms };
    await sleep(everyMs);
  }
}
