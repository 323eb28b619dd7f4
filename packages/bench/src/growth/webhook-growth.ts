import type { Platform } from '@kefu/core';
import type { Simulator, Stack } from '@kefu/cli';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitForIdle } from '../http/cpu-meter.ts';
import { signedRequests } from '../http/signed-requests.ts';
import { findWorkerdPair } from '../proc/workerd-processes.ts';
import { progress } from '../report/progress.ts';
import { percentile } from '../stats/percentile.ts';
import { RULE_COUNTS } from './decide-growth.ts';
import { firstVersionEntries } from '@kefu/rules-store';
import { putRules } from './kv-put.ts';
import { withGeneratedFaq } from './rules-document.ts';
import { timeSequential } from './sequential.ts';

/** Webhooks timed one after another per rule count. */
export const SEQUENTIAL = 200;

/** The shop whose own rules key holds the default rules plus `generated` FAQ rules. */
export const growthShop = (generated: number) => `bench-rules-${generated}`;

export type WebhookGrowthRow = { generated: number; documentBytes: number; firstMs: number; p50: number; p99: number };

export type WebhookGrowthInputs = {
  stack: Stack;
  platform: Platform;
  port: number;
  document: Record<string, unknown>;
  simulate: Simulator;
  credentials: Record<string, string>;
  /** Texts the default rules answer by themselves: no handoff, so no SLA timers firing mid-measurement. */
  answerable: readonly string[];
  /** Runs once the restarted worker is idle, before any size is timed (the memory probe: a small, quiet heap). */
  afterRestart?: () => Promise<void>;
};

/**
 * Give each catalogue size its own shop: the worker is stopped once, every grown rules document
 * is written to its KV as version 1 of that shop's layer with its pointer
 * (`rules:shop:<platform>:bench-rules-<N>`, merged over the global layer), and the worker is
 * started again. Then, per size, once the worker is idle:
 * one webhook that loads and compiles the shop's rules (timed on its own), and {@link SEQUENTIAL}
 * more one by one, each from a new buyer (a repeated answer in one conversation would go to a
 * person and start SLA timers). The default rules get a shop layer too, so every size resolves the same way.
 */
export async function webhookGrowth(inputs: WebhookGrowthInputs): Promise<WebhookGrowthRow[]> {
  const dir = await mkdtemp(join(tmpdir(), 'kefu-bench-rules-'));
  const url = `http://127.0.0.1:${inputs.port}`;
  const counts = [0, ...RULE_COUNTS];
  try {
    // Each size as `cs rules push` leaves it: version 1 of the shop's layer and its active pointer.
    const entries = (await Promise.all(counts.map((generated) => firstVersionEntries(`rules:shop:${inputs.platform}:${growthShop(generated)}`, JSON.stringify(withGeneratedFaq(inputs.document, generated)), { now: Date.now(), author: 'bench', message: `${generated} generated FAQ rules` })))).flat();
    const file = join(dir, 'rules.json');
    await writeFile(file, JSON.stringify(entries));
    progress(`webhook growth: writing ${counts.length} rules documents to ${inputs.platform}'s KV (worker restarted once)`);
    await inputs.stack.stopWorker(inputs.platform);
    await putRules(inputs.platform, file);
    await inputs.stack.startWorker(inputs.platform);
    const pair = findWorkerdPair(inputs.port);
    if (pair) await waitForIdle(pair.worker, 5000);
    await inputs.afterRestart?.();
    const rows: WebhookGrowthRow[] = [];
    for (const [i, generated] of counts.entries()) {
      progress(`webhook growth: ${inputs.platform} with ${generated} generated FAQ rules`);
      // The previous size's replies leave through the queue a moment later: let them go first.
      if (pair) await waitForIdle(pair.worker, 5000);
      const prepared = await signedRequests({ platform: inputs.platform, simulate: inputs.simulate, credentials: inputs.credentials, texts: inputs.answerable, count: SEQUENTIAL + 1, runId: `g${generated}-${Date.now().toString(36)}`, buyers: SEQUENTIAL + 1, shop: growthShop(generated) });
      const [first = Number.NaN, ...rest] = await timeSequential(url, prepared.map((p) => p.request));
      const times = rest.sort((a, b) => a - b);
      rows.push({ generated, documentBytes: Buffer.byteLength(entries[i]?.value ?? ''), firstMs: first, p50: percentile(times, 0.5), p99: percentile(times, 0.99) });
    }
    return rows;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
