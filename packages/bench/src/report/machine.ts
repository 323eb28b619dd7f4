import { readFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import { join } from 'node:path';

/**
 * One line naming the machine and tools a run was made on, how busy the machine already was and
 * whether the default shop was open (closed, every first message also gets the away notice):
 * absolute figures only compare between runs on the same line. Only the date, no time of day,
 * so a re-run on the same day diffs on the figures alone.
 */
export function machineLine(wranglerPackage: string, shopOpen: boolean, today = new Date()): string {
  const cores = cpus();
  const wrangler = (JSON.parse(readFileSync(join(wranglerPackage, 'node_modules', 'wrangler', 'package.json'), 'utf8')) as { version: string }).version;
  const load = loadavg()[0] ?? Number.NaN;
  return `${today.toISOString().slice(0, 10)} · ${cores[0]?.model.trim() ?? 'unknown CPU'} × ${cores.length} · ${(totalmem() / 2 ** 30).toFixed(0)} GiB · ${type()} ${release()} · Node ${process.version} · wrangler ${wrangler} · load average at start ${load.toFixed(1)} · default shop ${shopOpen ? 'open' : 'closed (away notices)'}`;
}
