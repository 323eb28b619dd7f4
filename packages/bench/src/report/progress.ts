const started = Date.now();

/** A progress line on stderr (stdout stays free for the report), with seconds since start. */
export function progress(line: string): void {
  process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${line}\n`);
}
