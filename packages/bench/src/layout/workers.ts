import { PLATFORMS, type Platform } from '@kefu/core';
import { join } from 'node:path';
import { appDir, BENCH_ROOT } from './bench-layout.ts';

/** A worker folder (its wrangler.jsonc) and the package whose node_modules has the wrangler to run. */
export type WorkerDir = { name: string; dir: string; wranglerPackage: string; platform?: Platform };

/** The baseline: a bare Hono worker answering 200 (packages/bench/bare-worker). */
export const BARE_WORKER: WorkerDir = { name: 'bare Hono worker', dir: join(BENCH_ROOT, 'bare-worker'), wranglerPackage: BENCH_ROOT };

/** The five platform workers. */
export const APP_WORKERS: WorkerDir[] = PLATFORMS.map((platform) => ({ name: platform, dir: appDir(platform), wranglerPackage: appDir(platform), platform }));
