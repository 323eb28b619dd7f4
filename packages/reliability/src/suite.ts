import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { resolve } from 'node:path';
import { PLATFORMS } from '@kefu/core';
import { badRulesCheck } from './checks/bad-rules.ts';
import { faults } from './checks/faults.ts';
import { fuzz } from './checks/fuzz.ts';
import { inboundLoad } from './checks/inbound-load.ts';
import { restartCheck } from './checks/restart.ts';
import { signatures } from './checks/signatures.ts';
import { workerClient } from './clients/worker-client.ts';
import { parseOptions, USAGE, type Options } from './options/options.ts';
import type { CheckResult, Log } from './report/check-result.ts';
import { reliabilityMarkdown } from './report/reliability-md.ts';
import { reportLine } from './report/report-sink.ts';
import { exitCode, renderTable } from './report/table.ts';
import { startLocalStack, type LocalStack } from './stack/local-stack.ts';

type Check = { id: number; name: string; run: (stack: LocalStack, o: Options, runId: string, log: Log) => Promise<CheckResult> };

const CHECKS: Check[] = [
  {
    id: 1,
    name: 'inbound load',
    run: (_s, o, runId, log) =>
      inboundLoad({ messages: o.messages, duplicateRate: o.duplicateRate, concurrency: o.concurrency, perBuyer: o.perBuyer, shopsPerPlatform: o.shops, settleTimeoutMs: o.settleSeconds * 1000, seed: o.seed, runId }, log),
  },
  { id: 2, name: 'forged / replayed / wrong-app signatures', run: (_s, o, runId, log) => signatures({ perKind: o.forgeries, concurrency: o.concurrency, runId }, log) },
  { id: 3, name: 'fuzzed webhook bodies', run: (_s, o, runId, log) => fuzz({ bodies: o.fuzz, concurrency: o.concurrency, seed: o.seed, runId }, log) },
  { id: 4, name: 'send API and team channel failing / timing out', run: (_s, o, runId, log) => faults({ messages: o.faultMessages, settleTimeoutMs: o.settleSeconds * 1000, seed: o.seed, runId }, log) },
  { id: 5, name: 'bad rules pushed to KV', run: (s, o, runId, log) => badRulesCheck(s, { perPlatform: 2, settleTimeoutMs: o.settleSeconds * 1000, runId }, log) },
  { id: 6, name: 'Durable Object restarted mid-conversation', run: (s, o, runId, log) => restartCheck(s, { runId, settleTimeoutMs: o.settleSeconds * 1000 }, log) },
];

/** Start the stack, run the checks in order, print the table, write RELIABILITY.md. Exit 0 / 1 / 2 (usage). */
export async function runSuite(argv: readonly string[]): Promise<number> {
  const say = reportLine();
  const parsed = parseOptions(argv);
  if (parsed.kind === 'usage') {
    say(`${parsed.message}\n\n${USAGE}`);
    return 2;
  }
  const o = parsed.options;
  const root = resolve(import.meta.dirname, '../../..');
  const startedAt = new Date();
  const runId = `r${Date.now().toString(36)}`;
  say(`kefu reliability suite ${runId}: checks ${o.only.join(', ')}; starting the local stack (ports 8901–8905, sandbox 8990)…`);
  let stack: LocalStack | undefined;
  const results: CheckResult[] = [];
  let stackStartMs = 0;
  try {
    stack = await startLocalStack(root, (line) => say(`  ${line}`));
    stackStartMs = Date.now() - startedAt.getTime();
    say(`stack ready in ${(stackStartMs / 1000).toFixed(0)} s`);
    // The sandbox answers from this process: if its event loop stalls, senders time out and retry.
    const lag = monitorEventLoopDelay({ resolution: 20 });
    lag.enable();
    for (const check of CHECKS.filter((c) => o.only.includes(c.id))) {
      say(`\n${check.id}. ${check.name}`);
      const t0 = Date.now();
      lag.reset();
      const lines: string[] = [];
      const log = (line: string) => {
        lines.push(line);
        say(line);
      };
      try {
        results.push({ ...(await check.run(stack, o, runId, log)), lines });
      } catch (error) {
        results.push({ kind: 'crashed', id: String(check.id), name: check.name, error: error instanceof Error ? (error.stack ?? error.message) : String(error), lines });
      }
      const down = [];
      for (const p of PLATFORMS) if (!(await workerClient(p).healthy())) down.push(p);
      if (lag.max > 5e9) log(`  ! this process's event loop stalled for ${(lag.max / 1e9).toFixed(1)} s: the sandbox could not answer meanwhile, so senders with a 10 s timeout retried (harness, not product)`);
      log(`  host: load average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores; this process's event loop (the sandbox answers from it) delayed up to ${(lag.max / 1e6).toFixed(0)} ms (p99 ${(lag.percentile(99) / 1e6).toFixed(0)} ms)`);
      say(`${check.id}. ${results.at(-1)?.kind} in ${((Date.now() - t0) / 1000).toFixed(0)} s${down.length > 0 ? `; NOT ANSWERING /health: ${down.join(', ')}` : ''}`);
    }
  } catch (error) {
    say(`the suite could not run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    await stack?.stack.stop().catch(() => {});
    return 1;
  }
  await stack.stack.stop().catch((error: unknown) => say(`stopping the stack: ${String(error)}`));
  const wallMs = Date.now() - startedAt.getTime();
  say(`\n${renderTable(results)}\n`);
  say(`wall time ${(wallMs / 1000).toFixed(0)} s (stack start ${(stackStartMs / 1000).toFixed(0)} s)`);
  if (o.out) {
    const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout.trim() || 'unknown';
    const machine = `${cpus().length} cores, node ${process.version}, ${process.platform}-${process.arch}`;
    await writeFile(resolve(root, o.out), reliabilityMarkdown(results, { startedAt, wallMs, stackStartMs, commit, machine, options: o, argv }));
    say(`wrote ${o.out}`);
  }
  return exitCode(results);
}
