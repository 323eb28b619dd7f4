// Linux /proc parsing, kept pure so it is unit-tested without a process to read.

/** What the bench needs from /proc/<pid>/stat. */
export type ProcStat = { pid: number; comm: string; ppid: number; utimeTicks: number; stimeTicks: number };

/**
 * Parse /proc/<pid>/stat (proc(5)). The command name sits in parentheses and may itself hold
 * spaces or `)`, so fields are counted from the LAST `)`: after it come state (3), ppid (4), …,
 * utime (14) and stime (15), in clock ticks.
 */
export function parseProcStat(text: string): ProcStat {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 0 || close < open) throw new Error(`not a /proc/<pid>/stat line: ${text.slice(0, 80)}`);
  const rest = text.slice(close + 2).trim().split(/\s+/);
  // rest[0] is field 3 (state), so field n is rest[n - 3].
  const field = (n: number) => Number(rest[n - 3]);
  return { pid: Number(text.slice(0, open).trim()), comm: text.slice(open + 1, close), ppid: field(4), utimeTicks: field(14), stimeTicks: field(15) };
}

/** Resident set size in bytes from /proc/<pid>/status (`VmRSS:  123 kB`); NaN when absent (a zombie). */
export function parseVmRss(status: string): number {
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  return match ? Number(match[1]) * 1024 : Number.NaN;
}

/** The pids listed in /proc/<pid>/task/<tid>/children files (space-separated, any of them may be empty). */
export function parseChildren(files: readonly string[]): number[] {
  return files.flatMap((text) => text.split(/\s+/).filter(Boolean).map(Number));
}
