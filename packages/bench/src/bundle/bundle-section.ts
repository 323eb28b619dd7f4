import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixed, kib, ratio, whole } from '../report/format.ts';
import { markdownTable } from '../report/markdown-table.ts';
import { progress } from '../report/progress.ts';
import type { Section } from '../report/section.ts';
import { median } from '../stats/percentile.ts';
import type { WorkerDir } from '../layout/workers.ts';
import { dryRunBundle, type BundleSize } from './dry-run-bundle.ts';
import { startupTimes } from './startup-time.ts';

/** Start-ups per worker: one keeps `pnpm bench` inside its time budget on two cores; the median is of these. */
export const STARTUP_RUNS = 1;

/** Median start-up (ms) per worker, one worker at a time: a timing, so nothing else should run meanwhile. */
export async function measureStartups(workers: readonly WorkerDir[], vars: Record<string, string>): Promise<Map<string, number>> {
  const times = new Map<string, number>();
  for (const worker of workers) {
    progress(`start-up: ${worker.name}`);
    times.set(worker.name, median(await startupTimes(worker, STARTUP_RUNS, vars)));
  }
  return times;
}

/** Bundle sizes per worker: deterministic, so they may run while other work (the stack starting) goes on. */
export async function measureBundles(workers: readonly WorkerDir[]): Promise<Map<string, BundleSize>> {
  const sizes = new Map<string, BundleSize>();
  for (const worker of workers) {
    const outdir = await mkdtemp(join(tmpdir(), 'kefu-bench-bundle-'));
    try {
      sizes.set(worker.name, await dryRunBundle(worker.dir, worker.wranglerPackage, outdir));
    } finally {
      await rm(outdir, { recursive: true, force: true });
    }
  }
  progress(`bundles sized: ${workers.map((w) => w.name).join(', ')}`);
  return sizes;
}

/** Bundle size and local start-up time of each worker; the first (the bare worker) is the baseline. */
export function bundleSection(workers: readonly WorkerDir[], sizes: Map<string, BundleSize>, startups: Map<string, number>): Section {
  const baseName = workers[0]?.name ?? '';
  const baseGzip = sizes.get(baseName)?.gzipBytes ?? Number.NaN;
  const baseStart = startups.get(baseName) ?? Number.NaN;
  const table = markdownTable(
    [{ heading: 'worker' }, ...['bundle', 'gzip', 'gzip vs bare', 'start-up ms', 'start-up vs bare'].map((heading) => ({ heading, numeric: true })), { heading: 'largest parts of the bundle (before gzip)' }],
    workers.map((w) => {
      const size = sizes.get(w.name);
      const start = startups.get(w.name) ?? Number.NaN;
      const parts = (size?.largest ?? []).filter((p) => p.bytes >= 1024).slice(0, 4);
      return [w.name, kib(size?.bytes ?? Number.NaN), kib(size?.gzipBytes ?? Number.NaN), ratio((size?.gzipBytes ?? Number.NaN) / baseGzip, 1), whole(start), ratio(start / baseStart), parts.map((p) => `${p.name} ${fixed(p.bytes / 1024, 0)} KiB`).join(', ')];
    }),
  );
  return {
    title: 'Bundle size and start-up',
    body: table,
    how: `Size: \`wrangler deploy --dry-run --outdir <tmp> --metafile\` in each worker's folder (no account, offline), the same esbuild bundle a deploy uploads; "bundle" is every output module except source maps, "gzip" is those modules gzipped together at the default level, as wrangler prints \`Total Upload … / gzip …\` (the compressed size is what Cloudflare's worker size limit counts). The largest parts come from esbuild's metafile (bytes each input contributed, grouped by package; parts under 1 KiB left out). Start-up: spawn \`wrangler dev\` → first 200 on \`/health\`, on empty storage in a temporary folder, ${STARTUP_RUNS === 1 ? 'once per worker' : `median of ${STARTUP_RUNS} runs`}, one worker at a time with nothing else running; it is wrangler's bundling plus workerd's start on this machine, not the production isolate start-up.`,
  };
}
