import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { classifyMessage, PLATFORMS, type Platform } from '@kefu/core';
import { loadRulesDirectory, readRulesDirectory, SIMULATORS, STACK_PORTS, startStack, type Stack } from '@kefu/cli';
import { HOLDOUT_PATH, readLabelled } from '@kefu/eval';
import { standIns } from '@kefu/sandbox';
import { bundleSection, measureBundles, measureStartups } from './bundle/bundle-section.ts';
import { engineSection } from './engine/engine-section.ts';
import type { ConversationMemory } from './growth/conversation-memory.ts';
import { memoryProbe } from './growth/memory-probe.ts';
import { decideGrowth } from './growth/decide-growth.ts';
import { growthSection } from './growth/growth-section.ts';
import { growthShop, webhookGrowth } from './growth/webhook-growth.ts';
import { httpSection } from './http/http-section.ts';
import { PORT_OFFSET, REPO_ROOT } from './layout/bench-layout.ts';
import { APP_WORKERS, BARE_WORKER } from './layout/workers.ts';
import { machineLine } from './report/machine.ts';
import { progress } from './report/progress.ts';
import { renderReport, unmeasured } from './report/report.ts';
import type { Section } from './report/section.ts';

// `pnpm bench`: one run, one report (BENCHMARKS.md at the repository root). Every speed is also a
// ratio to a baseline measured in this same run, because these machines are noisy. Timings run
// one at a time; only deterministic work (bundle sizes) overlaps with the stack starting.
const started = Date.now();
if (STACK_PORTS.jd !== 8705 + PORT_OFFSET) throw new Error('@kefu/cli was loaded before KEFU_STACK_PORT_OFFSET was set: start the bench from src/main.ts');
const rulesDir = resolve(REPO_ROOT, 'rules');
const loaded = await loadRulesDirectory(rulesDir);
if (loaded.kind === 'invalid') throw new Error(`default rules invalid: ${JSON.stringify(loaded.errors)}`);
const engine = loaded.engine;
const machine = machineLine(APP_WORKERS[0]?.wranglerPackage ?? REPO_ROOT, engine.calendar.isOpen(Date.now()));
const dev = readLabelled();
const texts = dev.map((i) => i.text);
/** Dev-set texts the default rules answer by themselves: no handoff, no SLA timers. */
const answerable = texts.filter((text) => {
  const c = classifyMessage(engine, text);
  return c.intent !== 'other' && !c.escalate;
});
const credentials: Record<string, string> = Object.assign({}, ...standIns.map((s) => s.credentials ?? {}));
const workers = [BARE_WORKER, ...APP_WORKERS];

let failed = false;
async function attempt(title: string, run: () => Promise<Section>): Promise<Section> {
  try {
    return await run();
  } catch (error) {
    failed = true;
    progress(`${title}: FAILED\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return unmeasured(title, error);
  }
}

progress('engine: classifiers and decide()');
const engineReport = engineSection(engine, dev, readLabelled(HOLDOUT_PATH));
progress('cost growth: decide() at 10 … 5,000 generated FAQ rules');
const decideRows = decideGrowth(engine, texts);
const startups = await measureStartups(workers, credentials).catch((error: unknown) => error);

progress(`starting the local stack (KEFU_STACK_PORT_OFFSET=${PORT_OFFSET}, fresh storage) while sizing the bundles`);
const stacking = startStack({ rulesDir, fresh: true, console: false, platforms: [...PLATFORMS], log: (line) => progress(`stack: ${line}`) });
const sizes = await measureBundles(workers).catch((error: unknown) => error);
const stack: Stack | Error = await stacking.catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
const bundleReport = await attempt('Bundle size and start-up', async () => {
  if (startups instanceof Error || !(startups instanceof Map)) throw startups;
  if (sizes instanceof Error || !(sizes instanceof Map)) throw sizes;
  return bundleSection(workers, sizes, startups);
});

// Cost growth before the load: JD's worker is fresh, with no SLA timers pending from the load's
// handoffs. The memory probe runs on it first, while its heap is small and quiet, with enough new
// conversations for their memory to stand above the garbage collector's swings.
const GROWTH_PLATFORM: Platform = 'jd';
const MEMORY_CONVERSATIONS = 200;
const growthReport = await attempt('Cost growth: FAQ catalogue size and conversations', async () => {
  if (stack instanceof Error) throw stack;
  const port = STACK_PORTS[GROWTH_PLATFORM];
  let memory: ConversationMemory | undefined;
  const probeMemory = async () => {
    progress(`memory: ${MEMORY_CONVERSATIONS} new conversations on ${GROWTH_PLATFORM}`);
    memory = await memoryProbe({ platform: GROWTH_PLATFORM, port, shop: growthShop(0), simulate: SIMULATORS[GROWTH_PLATFORM], credentials, texts: answerable, conversations: MEMORY_CONVERSATIONS });
  };
  const webhook = await webhookGrowth({ stack, platform: GROWTH_PLATFORM, port, document: (await readRulesDirectory(rulesDir)).document, simulate: SIMULATORS[GROWTH_PLATFORM], credentials, answerable, afterRestart: probeMemory });
  if (!memory) throw new Error('the memory probe did not run');
  return growthSection({ decide: decideRows, webhook, platform: GROWTH_PLATFORM, memory });
});
const httpReport = await attempt('HTTP: webhooks through the local stack', async () => {
  if (stack instanceof Error) throw stack;
  return httpSection({ bare: BARE_WORKER, stack, ports: STACK_PORTS, simulators: SIMULATORS, credentials, texts });
});
if (!(stack instanceof Error)) {
  progress('stopping the local stack');
  await stack.stop();
}

const seconds = (Date.now() - started) / 1000;
await writeFile(join(REPO_ROOT, 'BENCHMARKS.md'), renderReport(machine, [engineReport, bundleReport, httpReport, growthReport], seconds));
progress(`wrote BENCHMARKS.md in ${seconds.toFixed(0)} s${failed ? ' (some sections could not be measured: see above)' : ''}`);
process.exitCode = failed ? 1 : 0;
