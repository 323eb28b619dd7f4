import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './stack-layout.ts';

const BIN = fileURLToPath(new URL('../../bin/cs.mjs', import.meta.url));

// The README's main job, for real: the JD worker in workerd via wrangler dev, the sandbox beside
// it, then `cs simulate` against it. (One platform keeps the suite small; every platform's worker
// has its own tests inside workerd.)
describe('cs stack + cs simulate', () => {
  const stack = spawn(process.execPath, [BIN, 'stack', '--only', 'jd'], { cwd: REPO_ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  stack.stdout.on('data', (d: Buffer) => (output += d.toString()));
  stack.stderr.on('data', (d: Buffer) => (output += d.toString()));
  afterAll(() => {
    if (stack.pid) process.kill(-stack.pid, 'SIGTERM');
  });

  it('should start the local stack and answer a simulated, signed buyer message with its reasons', async () => {
    const deadline = Date.now() + 150_000;
    while (!output.includes('Ready.')) {
      if (Date.now() > deadline || stack.exitCode !== null) throw new Error(`the stack did not start:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const run = spawnSync(process.execPath, [BIN, 'simulate', '--platform', 'jd', '--buyer', `ci-${Date.now()}`, '什么时候发货'], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('→ jd POST /bridge/messages: 200');
    expect(run.stdout).toMatch(/💬 reply \[shipping_time · shipping-time [\d.]+\]/);
    expect(run.stdout).toContain('delivery: sent');
    const sandbox = (await (await fetch('http://127.0.0.1:8790/__sandbox/requests?channel=bridge:jd')).json()) as { status: number }[];
    expect(sandbox.some((r) => r.status === 200)).toBe(true);
  }, 240_000);
});
