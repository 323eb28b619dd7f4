import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startWranglerDev } from '../http/wrangler-dev.ts';
import { inspectorPort, STARTUP_PORT } from '../layout/bench-layout.ts';
import type { WorkerDir } from '../layout/workers.ts';

/**
 * Spawn → first 200 on /health for `wrangler dev`, `runs` times, each on empty storage in a
 * temporary folder (so nothing persisted is loaded and a developer's local state is not touched).
 * This is the local start: wrangler's bundling with esbuild plus workerd's start, not the
 * production isolate start-up.
 */
export async function startupTimes(worker: WorkerDir, runs: number, vars: Record<string, string>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const persistTo = await mkdtemp(join(tmpdir(), 'kefu-bench-start-'));
    try {
      const server = await startWranglerDev({ cwd: worker.dir, wranglerPackage: worker.wranglerPackage, port: STARTUP_PORT, inspectorPort: inspectorPort(STARTUP_PORT), persistTo, vars });
      times.push(server.startMs);
      await server.stop();
    } finally {
      await rm(persistTo, { recursive: true, force: true });
    }
  }
  return times;
}
