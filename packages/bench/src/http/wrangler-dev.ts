import { spawn } from 'node:child_process';
import { join } from 'node:path';

/** A `wrangler dev` the bench started, and how long it took to answer its first /health. */
export type DevServer = { url: string; port: number; startMs: number; stop(): Promise<void> };

export type DevOptions = {
  /** The worker's folder (wrangler.jsonc there) and the package whose node_modules holds wrangler. */
  cwd: string;
  wranglerPackage: string;
  port: number;
  inspectorPort: number;
  /** Local storage; a temporary folder keeps a developer's `.wrangler/state` untouched. */
  persistTo?: string;
  vars?: Record<string, string>;
};

/** Every group we started, so a crash or Ctrl-C never leaves a workerd behind. */
const running = new Set<number>();
process.once('exit', () => {
  for (const pgid of running) killGroup(pgid);
});

function killGroup(pgid: number): void {
  try {
    process.kill(-pgid, 'SIGTERM');
  } catch {
    // already gone
  }
}

/**
 * Start `wrangler dev` the way the stack does (the workspace's wrangler on this Node, offline) and
 * time spawn → first 200 on /health. Its own process group, so stop() ends wrangler, its inner
 * Node and both workerd processes, and nothing else.
 */
export async function startWranglerDev(options: DevOptions): Promise<DevServer> {
  const url = `http://127.0.0.1:${options.port}`;
  if (await ok(`${url}/health`)) throw new Error(`port ${options.port} is taken: is an earlier bench still running?`);
  const vars = Object.entries(options.vars ?? {}).flatMap(([k, v]) => ['--var', `${k}:${v}`]);
  const args = [join(options.wranglerPackage, 'node_modules', 'wrangler', 'bin', 'wrangler.js'), 'dev', '--port', String(options.port), '--ip', '127.0.0.1', '--inspector-port', String(options.inspectorPort), ...(options.persistTo ? ['--persist-to', options.persistTo] : []), ...vars, '--show-interactive-dev-session=false', '--log-level', 'error'];
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, args, {
    cwd: options.cwd,
    detached: true,
    env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pgid = child.pid ?? 0;
  running.add(pgid);
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const deadline = Date.now() + 120_000;
  while (!(await ok(`${url}/health`))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      killGroup(pgid);
      throw new Error(`wrangler dev in ${options.cwd} did not answer on ${url}:\n${output.slice(-2000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const startMs = Number(process.hrtime.bigint() - started) / 1e6;
  return {
    url,
    port: options.port,
    startMs,
    stop: async () => {
      killGroup(pgid);
      await exited;
      running.delete(pgid);
      // workerd may outlive wrangler by a moment: wait until the port is free for the next one.
      while (await ok(`${url}/health`)) await new Promise((resolve) => setTimeout(resolve, 100));
    },
  };
}

const ok = (url: string) => fetch(url, { signal: AbortSignal.timeout(2000) }).then((r) => r.ok, () => false);
