import { PLATFORMS, type Platform } from '@kefu/core';
import { firstVersionEntries } from '@kefu/rules-store';
import { standIns, startSandbox, type LocalChannelType, type Sandbox } from '@kefu/sandbox';
import type { ChildProcess } from 'node:child_process';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { readRulesDirectory } from '../rules-dir/read.ts';
import { localVars, varFlags } from './local-vars.ts';
import { CONSOLE_PORT, consoleUrl, LOCAL_CONSOLE_TOKEN, LOCAL_INSPECT_TOKEN, REPO_ROOT, SANDBOX_PORT, sandboxUrl, STACK_PORTS, STATE_DIR, stackUrl } from './stack-layout.ts';
import { wrangler, wranglerOnce } from './wrangler.ts';

/** Platforms whose workers have crons (Taobao's TMC pull, PDD's socket keep-alive). */
const CRON_PLATFORMS: readonly Platform[] = ['taobao', 'pinduoduo'];

export type StackOptions = {
  rulesDir: string;
  platforms?: Platform[];
  teamType?: LocalChannelType;
  /** Start from empty storage (benchmarks, the reliability suite) instead of the persisted local state. */
  fresh?: boolean;
  /** Also run the web console (apps/console) on CONSOLE_PORT; default true. */
  console?: boolean;
  log?: (line: string) => void;
};

/** A running local stack. */
export type Stack = {
  sandbox: Sandbox;
  platforms: Platform[];
  /** The console's URL, when it runs. */
  consoleUrl?: string;
  /** Stop one platform's worker (its storage stays), e.g. to restart it. */
  stopWorker(platform: Platform): Promise<void>;
  /** Start (again) one platform's worker on its port, on the same storage. */
  startWorker(platform: Platform): Promise<void>;
  /** Run one cron tick on the platforms that have crons. */
  tick(): Promise<void>;
  stop(): Promise<void>;
  /** Resolves when every worker has exited. */
  exited: Promise<void>;
};

/**
 * The whole product on this machine, offline: the sandbox plays every platform API, the chat
 * bridge and the team channels; each platform's worker runs in workerd (wrangler dev) with its KV
 * seeded from the rules directory and its D1 migrated. `cs stack`, the benchmarks and the
 * reliability suite all start it this way.
 *
 * Rules: on empty storage, the rules directory becomes version 1 of `rules:global` with its
 * pointer (one `wrangler kv bulk put`), so history starts there. On persisted storage, versions
 * are immutable: the directory is pushed through the worker's admin route once it is up (a new
 * version when it changed, nothing when not; refused when invalid, and the active version stays).
 */
export async function startStack(options: StackOptions): Promise<Stack> {
  const platforms = options.platforms ?? [...PLATFORMS];
  const teamType = options.teamType ?? 'webhook';
  const log = options.log ?? (() => {});
  const state = join(REPO_ROOT, STATE_DIR);
  if (options.fresh) await Promise.all(platforms.map((p) => rm(join(state, p), { recursive: true, force: true })));
  await mkdir(state, { recursive: true });
  const rules = (await readRulesDirectory(options.rulesDir)).document;
  const rulesSource = relative(REPO_ROOT, options.rulesDir) || '.';
  const seedFile = join(state, 'rules-seed.json');
  await writeFile(seedFile, JSON.stringify(await firstVersionEntries('rules:global', JSON.stringify(rules), { now: Date.now(), author: 'cs stack', message: `seeded from ${rulesSource}` })));

  for (const p of platforms) {
    if (await answers(`${stackUrl(p)}/health`)) throw new Error(`port ${STACK_PORTS[p]} is taken (a stack already running?): stop it first`);
  }
  const sandbox = await startSandbox({ standIns, port: SANDBOX_PORT, config: Object.assign({}, ...standIns.map((s) => s.credentials ?? {})) });
  log(`sandbox      ${sandbox.url}   (what the platforms and team channels received; the team channel plays ${teamType})`);

  const children = new Map<Platform | 'console', ChildProcess>();
  const startWorker = async (p: Platform) => {
    const persist = join(state, p);
    const vars = localVars(p, sandboxUrl(), teamType);
    const args = ['dev', '--port', String(STACK_PORTS[p]), '--ip', '127.0.0.1', '--persist-to', persist, ...varFlags(vars), '--test-scheduled', '--show-interactive-dev-session=false', '--inspector-port', String(STACK_PORTS[p] + 1000), '--log-level', 'warn'];
    // Declared secrets are read from the environment; --var binds the rest (e.g. INSPECT_TOKEN).
    children.set(p, wrangler(p, args, { env: vars }));
    await waitForHealth(p);
  };
  const stopChild = async (name: Platform | 'console') => {
    const child = children.get(name);
    if (!child || child.exitCode !== null) return;
    const gone = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await gone;
  };
  const stopWorker = async (p: Platform) => {
    await stopChild(p);
    while (await answers(`${stackUrl(p)}/health`)) await new Promise((resolve) => setTimeout(resolve, 200));
  };

  await Promise.all(
    platforms.map(async (p) => {
      const persist = join(state, p);
      const empty = !(await stat(persist).catch(() => undefined));
      await wranglerOnce(p, ['d1', 'migrations', 'apply', `kefu-${p}`, '--local', '--persist-to', persist]);
      if (empty) await wranglerOnce(p, ['kv', 'bulk', 'put', seedFile, '--binding', 'RULES', '--local', '--persist-to', persist]);
      await startWorker(p);
      log(`${p.padEnd(12)} ${stackUrl(p)}${empty ? '' : `   ${await pushRules(p, rules, rulesSource)}`}`);
    }),
  );
  if (options.console ?? true) {
    const persist = join(state, 'console');
    if (options.fresh) await rm(persist, { recursive: true, force: true });
    await wranglerOnce('console', ['d1', 'migrations', 'apply', 'kefu-console', '--local', '--persist-to', persist]);
    const vars = {
      // Only the platforms this stack runs: the console shows the others as not configured.
      PLATFORM_URLS: JSON.stringify(Object.fromEntries(platforms.map((p) => [p, stackUrl(p)]))),
      INSPECT_TOKEN: LOCAL_INSPECT_TOKEN,
      CONSOLE_TOKEN: LOCAL_CONSOLE_TOKEN,
      SESSION_SECRET: 'local-session-secret',
    };
    const args = ['dev', '--port', String(CONSOLE_PORT), '--ip', '127.0.0.1', '--persist-to', persist, ...varFlags(vars), '--show-interactive-dev-session=false', '--inspector-port', String(CONSOLE_PORT + 1000), '--log-level', 'warn'];
    children.set('console', wrangler('console', args, { env: vars }));
    await waitFor(`${consoleUrl()}/health`, 'the console');
    log(`console      ${consoleUrl()}   (log in with ${LOCAL_CONSOLE_TOKEN})`);
  }
  const tick = async () => {
    // wrangler dev runs no crons by itself: tick them so Taobao's TMC pull and PDD's socket keep-alive run.
    await Promise.all(platforms.filter((x) => CRON_PLATFORMS.includes(x)).map((p) => fetch(`${stackUrl(p)}/__scheduled?cron=*+*+*+*+*`).then(() => undefined, () => undefined)));
  };
  const exited = new Promise<void>((resolve) => {
    const check = setInterval(() => {
      if ([...children.values()].every((c) => c.exitCode !== null || c.signalCode !== null)) {
        clearInterval(check);
        resolve();
      }
    }, 500);
  });
  return {
    sandbox,
    platforms,
    startWorker,
    stopWorker,
    tick,
    exited,
    ...(options.console ?? true ? { consoleUrl: consoleUrl() } : {}),
    stop: async () => {
      await Promise.all([...platforms.map(stopWorker), stopChild('console')]);
      await sandbox.close();
    },
  };
}

const answers = (url: string) => fetch(url).then((r) => r.ok, () => false);

/** Push the rules directory to a running worker's `rules:global` (admin route); what happened, for the log. */
async function pushRules(p: Platform, document: unknown, source: string): Promise<string> {
  const response = await fetch(`${stackUrl(p)}/__kefu/rules/push`, {
    method: 'POST',
    headers: { authorization: `Bearer ${LOCAL_INSPECT_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ scope: 'global', document, author: 'cs stack', message: `pushed from ${source} at stack start` }),
  });
  const body = (await response.json().catch(() => ({}))) as { version?: number; unchanged?: boolean; error?: { message?: string; errors?: { path: string; message: string }[]; lint?: { level: string; path: string; message: string }[] } };
  if (response.ok) return `rules:global@${body.version}${body.unchanged ? ' (unchanged)' : ` (pushed from ${source})`}`;
  const problems = [...(body.error?.errors ?? []), ...(body.error?.lint ?? []).filter((f) => f.level === 'error')].slice(0, 3).map((e) => `${e.path}: ${e.message}`);
  return `rules not pushed (${response.status} ${body.error?.message ?? ''}${problems.length ? `: ${problems.join('; ')}` : ''}); serving the active version`;
}

async function waitForHealth(p: Platform): Promise<void> {
  await waitFor(`${stackUrl(p)}/health`, p);
}

async function waitFor(url: string, what: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (await answers(url)) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${what} did not start on ${new URL(url).origin} within 2 minutes`);
}
