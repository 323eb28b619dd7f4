import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { parseChildren, parseProcStat, parseVmRss } from './proc-stat.ts';

/**
 * The two workerd processes behind one `wrangler dev`: wrangler's dev proxy, which owns the public
 * port and forwards every request, and the worker itself (its socket on port 0, with an
 * inspector). Both cost CPU per request, so both are measured, apart.
 */
export type WorkerdPair = { proxy: number; worker: number };

/** Clock ticks per second for /proc times (USER_HZ; 100 on every Linux we know, asked anyway). */
export const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

const read = (path: string): string | undefined => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined; // the process ended between listing and reading
  }
};

const cmdline = (pid: number) => (read(`/proc/${pid}/cmdline`) ?? '').split('\0');

function children(pid: number): number[] {
  const tasks = (() => {
    try {
      return readdirSync(`/proc/${pid}/task`);
    } catch {
      return [];
    }
  })();
  return parseChildren(tasks.map((tid) => read(`/proc/${pid}/task/${tid}/children`) ?? ''));
}

/**
 * Find the workerd pair serving `port`: the proxy is the workerd whose entry socket is that port;
 * the worker is its sibling (same wrangler parent). Found through /proc, so it works for workers
 * the stack started as well as for our own children.
 */
export function findWorkerdPair(port: number): WorkerdPair | undefined {
  const entry = `--socket-addr=entry=127.0.0.1:${port}`;
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    const args = cmdline(pid);
    if (!args[0]?.endsWith('workerd') || !args.includes(entry)) continue;
    const stat = read(`/proc/${pid}/stat`);
    if (!stat) continue;
    const siblings = children(parseProcStat(stat).ppid).filter((c) => c !== pid && cmdline(c)[0]?.endsWith('workerd'));
    const worker = siblings.find((c) => cmdline(c).some((a) => a.startsWith('--inspector-addr')));
    if (worker) return { proxy: pid, worker };
  }
  return undefined;
}

/** user + system CPU seconds a process has used so far (NaN once it has gone). */
export function cpuSeconds(pid: number): number {
  const stat = read(`/proc/${pid}/stat`);
  if (!stat) return Number.NaN;
  const { utimeTicks, stimeTicks } = parseProcStat(stat);
  return (utimeTicks + stimeTicks) / CLOCK_TICKS;
}

/** Resident memory of a process in bytes (NaN once it has gone). */
export function rssBytes(pid: number): number {
  const status = read(`/proc/${pid}/status`);
  return status ? parseVmRss(status) : Number.NaN;
}
