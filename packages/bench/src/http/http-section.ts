import type { Simulator, Stack } from '@kefu/cli';
import type { Platform } from '@kefu/core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findWorkerdPair } from '../proc/workerd-processes.ts';
import { fixed, ratio, whole } from '../report/format.ts';
import { markdownTable } from '../report/markdown-table.ts';
import { progress } from '../report/progress.ts';
import type { Section } from '../report/section.ts';
import { BARE_PORT, inspectorPort } from '../layout/bench-layout.ts';
import type { WorkerDir } from '../layout/workers.ts';
import { measureCpu, type CpuMeasure } from './cpu-meter.ts';
import { runLoad, type LoadRequest, type LoadResult } from './load.ts';
import { requestFeed, signedRequests, BUYERS } from './signed-requests.ts';
import { startWranglerDev } from './wrangler-dev.ts';

/** Same load for every target: small enough for a 2-core machine that also runs the load generator. */
export const CONNECTIONS = 10;
export const SECONDS = 8;
/** Requests signed ahead per platform: several times what the pipeline answers in SECONDS here. */
const POOL = 4000;

type Row = { name: string; measured: CpuMeasure<LoadResult>; repeats: number };

export type HttpInputs = {
  bare: WorkerDir;
  stack: Stack;
  ports: Record<Platform, number>;
  simulators: Record<Platform, Simulator>;
  credentials: Record<string, string>;
  texts: readonly string[];
};

async function loadWorker(name: string, port: number, next: () => LoadRequest): Promise<CpuMeasure<LoadResult>> {
  const pair = findWorkerdPair(port);
  if (!pair) throw new Error(`no workerd serving port ${port} (${name})`);
  progress(`load: ${name}, ${CONNECTIONS} connections for ${SECONDS} s`);
  const measured = await measureCpu(pair, () => runLoad({ url: `http://127.0.0.1:${port}`, next, connections: CONNECTIONS, seconds: SECONDS }));
  progress(`load: ${name}: ${measured.result.requests} requests, ${measured.result.perSecond.toFixed(1)}/s; queued work ${measured.drained ? 'done' : 'still running'} after ${measured.drainSeconds.toFixed(1)} s`);
  return measured;
}

/** The bare worker, then each platform's webhook through the running stack, one at a time. */
export async function httpSection(inputs: HttpInputs): Promise<Section> {
  const rows: Row[] = [];
  const persistTo = await mkdtemp(join(tmpdir(), 'kefu-bench-bare-'));
  const bare = await startWranglerDev({ cwd: inputs.bare.dir, wranglerPackage: inputs.bare.wranglerPackage, port: BARE_PORT, inspectorPort: inspectorPort(BARE_PORT), persistTo });
  try {
    rows.push({ name: inputs.bare.name, measured: await loadWorker(inputs.bare.name, BARE_PORT, () => ({ method: 'GET', path: '/', headers: {} })), repeats: 0 });
  } finally {
    await bare.stop();
    await rm(persistTo, { recursive: true, force: true });
  }
  const runId = Date.now().toString(36);
  for (const platform of inputs.stack.platforms) {
    const prepared = await signedRequests({ platform, simulate: inputs.simulators[platform], credentials: inputs.credentials, texts: inputs.texts, count: POOL, runId });
    const feed = requestFeed(prepared, (key) => inputs.stack.sandbox.state.inbox(key));
    rows.push({ name: platform, measured: await loadWorker(platform, inputs.ports[platform], feed.next), repeats: feed.repeats() });
    // Its SLA timers (alerts 15 s to 3 min later) would otherwise fire during the next platform's load.
    await inputs.stack.stopWorker(platform);
  }
  return { title: 'HTTP: webhooks through the local stack', body: render(rows), how: HOW };
}

function render(rows: readonly Row[]): string {
  const base = rows[0]?.measured.result;
  const perRequest = (seconds: number, r: LoadResult) => fixed((seconds * 1000) / r.requests, 2);
  const table = markdownTable(
    [{ heading: 'target' }, ...['requests', 'req/s', 'req/s vs bare', 'p50 ms', 'p99 ms', 'p50 vs bare', 'worker CPU ms/req (load)', 'worker CPU ms/req (+ queued work)', 'dev-proxy CPU ms/req', 'non-2xx / errors'].map((heading) => ({ heading, numeric: true }))],
    rows.map(({ name, measured: m, repeats }) => [
      repeats > 0 ? `${name} (${repeats} repeated requests)` : name,
      whole(m.result.requests),
      fixed(m.result.perSecond),
      ratio(m.result.perSecond / (base?.perSecond ?? Number.NaN), 3),
      fixed(m.result.p50),
      fixed(m.result.p99),
      ratio(m.result.p50 / (base?.p50 ?? Number.NaN), 1),
      perRequest(m.during.worker, m.result),
      `${m.drained ? '' : '≥ '}${perRequest(m.withDrain.worker, m.result)}`,
      perRequest(m.during.proxy, m.result),
      whole(m.result.failed),
    ]),
  );
  return `${table}\n\nAt ${CONNECTIONS} connections every target is saturated, so latency here is mostly queueing (p50 ≈ ${CONNECTIONS} ÷ req/s); the sequential JD webhooks under Cost growth show the unloaded latency. WeCom's ack is sent before its \`sync_msg\` pull (deferred with \`waitUntil\`), so its latency does not include fetching and deciding the message; that work shows in its CPU column with queued work. Every platform request carries a new message id: each is real work (verify, parse, the conversation's SQLite transaction, decide(), outbox), never a dedupe hit.`;
}

const HOW = `[autocannon](https://github.com/mcollina/autocannon) in the bench process, ${CONNECTIONS} connections, ${SECONDS} s per target, one target at a time, all on this machine (load generator, sandbox and workerd share its cores). The baseline is a bare Hono worker answering 200 (\`packages/bench/bare-worker\`), served by the same wrangler and workerd; ratios are to it, measured in the same run. Platforms go through the real local stack (\`startStack\` from @kefu/cli with KEFU_STACK_PORT_OFFSET=50, fresh storage, the sandbox playing the platform APIs and team channel): each request is a correctly signed webhook from \`SIMULATORS\` (WeCom: the encrypted callback, its message queued in the sandbox's inbox just before it is sent, as \`cs simulate\` does; 抖音: the IM webhook; Taobao, Pinduoduo, JD: the chat bridge), pre-built (signing is not timed) with a new message id each, texts cycling through the labelled dev set, spread over ${BUYERS} buyers of one shop. Latency is per 2xx response (µs resolution). CPU: utime + stime from \`/proc/<pid>/stat\` of the two workerd processes behind each \`wrangler dev\` — the worker itself and wrangler's dev proxy that fronts its port (found as the workerd whose \`--socket-addr=entry\` is the port, and its sibling with an inspector) — read before and after the load, then again once the worker has gone idle (under one clock tick per 0.5 s, at most 12 s; "≥" when it had not): the ack comes before the queued sends, D1 log rows and, for WeCom, the pull, so the second column is the cost a request causes, less the SLA timers its handoffs start (alerts 15 s to 3 min later): each platform's worker is stopped after its load so those do not fire during the next one. CPU is divided by requests answered. wrangler's local tracing (X_LOCAL_OBSERVABILITY) is off for every worker: it stores a trace of every invocation, a cost only \`wrangler dev\` has. Absolute figures are a laptop-class local workerd, not Cloudflare's edge; compare ratios across runs.`;
