/** Exponential backoff for queue retries: base, 2·base, 4·base… capped at 10 minutes. */
export function backoffSeconds(attempt: number, baseSeconds: number): number {
  return Math.min(baseSeconds * 2 ** Math.max(attempt - 1, 0), 600);
}
