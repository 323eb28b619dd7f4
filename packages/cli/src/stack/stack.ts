import { PLATFORMS, type Platform } from '@kefu/core';
import { standIns, startSandbox, type LocalChannelType } from '@kefu/sandbox';
import type { ChildProcess } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readRulesDirectory } from '../rules-dir/read.ts';
import { localVars, varFlags } from './local-vars.ts';
import { REPO_ROOT, SANDBOX_PORT, sandboxUrl, STACK_PORTS, stackUrl } from './stack-layout.ts';

/** Platforms whose workers have crons (Taobao's TMC pull, PDD's socket keep-alive). */
const CRON_PLATFORMS: readonly Platform[] = ['taobao', 'pinduoduo'];
import { wrangler, wranglerOnce } from './wrangler.ts';

type Out = { log: (line: string) => void; error: (line: string) => void };

/**
 * `cs stack`: the whole product on this machine, offline. The sandbox plays every platform API,
 * the chat bridge and the team channel; each platform's worker runs in workerd (wrangler dev)
 * with its KV seeded from rules/ and its D1 migrated; crons are ticked so pull platforms pull.
 */
export async function stack(rulesDir: string, only: Platform[] | undefined, teamType: LocalChannelType, out: Out): Promise<number> {
  const platforms = only ?? [...PLATFORMS];
  const rules = await readRulesDirectory(rulesDir);
  const state = join(REPO_ROOT, '.wrangler', 'stack');
  await mkdir(state, { recursive: true });
  const rulesFile = join(state, 'rules.json');
  await writeFile(rulesFile, JSON.stringify(rules.document));

  for (const p of platforms) {
    if (await answers(`${stackUrl(p)}/health`)) throw new Error(`port ${STACK_PORTS[p]} is taken (a stack already running?): stop it first`);
  }
  const sandbox = await startSandbox({ standIns, port: SANDBOX_PORT, config: Object.assign({}, ...standIns.map((s) => s.credentials ?? {})) });
  out.log(`sandbox      ${sandbox.url}   (what the platforms and team channels received; the team channel plays ${teamType})`);

  const children: ChildProcess[] = [];
  const stop = () => {
    for (const child of children) child.kill('SIGTERM');
    void sandbox.close();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);

  await Promise.all(
    platforms.map(async (p) => {
      const persist = join(state, p);
      await wranglerOnce(p, ['d1', 'migrations', 'apply', `kefu-${p}`, '--local', '--persist-to', persist]);
      await wranglerOnce(p, ['kv', 'key', 'put', 'rules:global', '--binding', 'RULES', '--local', '--persist-to', persist, '--path', rulesFile]);
      const args = ['dev', '--port', String(STACK_PORTS[p]), '--ip', '127.0.0.1', '--persist-to', persist, ...varFlags(localVars(p, sandboxUrl(), teamType)), '--test-scheduled', '--show-interactive-dev-session=false', '--inspector-port', String(STACK_PORTS[p] + 1000), '--log-level', 'warn'];
      // Declared secrets are read from the environment; --var binds the rest (e.g. INSPECT_TOKEN).
      children.push(wrangler(p, args, { env: localVars(p, sandboxUrl(), teamType) }));
      await waitForHealth(p);
      out.log(`${p.padEnd(12)} ${stackUrl(p)}`);
    }),
  );
  out.log(`\nReady. Try:  pnpm cs simulate --platform jd "你好，什么时候发货"\nStop with Ctrl-C.`);
  const ticker = setInterval(() => {
    // wrangler dev runs no crons by itself: tick them so Taobao's TMC pull and PDD's socket keep-alive run.
    for (const p of platforms.filter((x) => CRON_PLATFORMS.includes(x))) void fetch(`${stackUrl(p)}/__scheduled?cron=*+*+*+*+*`).catch(() => {});
  }, 15_000);
  await new Promise<void>((resolve) => {
    let exited = 0;
    for (const child of children) {
      child.on('exit', () => {
        exited += 1;
        if (exited === children.length) resolve();
      });
    }
  });
  clearInterval(ticker);
  await sandbox.close();
  return 0;
}

const answers = (url: string) => fetch(url).then((r) => r.ok, () => false);

async function waitForHealth(p: Platform): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (await answers(`${stackUrl(p)}/health`)) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${p} did not start on ${stackUrl(p)} within 2 minutes`);
}

