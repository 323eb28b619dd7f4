import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

  it('should publish a shop layer to the running stack with cs rules --local, and answer from it at once', async () => {
    const shop = `ci-shop-${Date.now().toString(36)}`;
    const cs = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000 });
    const push = cs('rules', 'push', 'examples/shop-layer', '--platform', 'jd', '--shop', shop, '--local', '-m', 'engraving FAQ', '--author', 'ci');
    expect(push.stderr).toBe('');
    expect(push.stdout).toContain(`rules:shop:jd:${shop}@1 active`);
    const show = cs('rules', 'show', '--platform', 'jd', '--shop', shop, '--local');
    expect(show.stdout).toMatch(new RegExp(`faq\\s+rules:global@\\d+ ← rules:shop:jd:${shop}@1`));

    const answer = cs('simulate', '--platform', 'jd', '--shop', shop, '--buyer', `ci-${Date.now()}`, '可以刻字吗');
    expect(answer.status).toBe(0);
    expect(answer.stdout).toMatch(/💬 reply \[product_info · custom-engraving [\d.]+\]/);
    // Another shop on the same platform keeps the global rules.
    const other = cs('simulate', '--platform', 'jd', '--buyer', `ci-${Date.now()}`, '可以刻字吗');
    expect(other.stdout).not.toContain('custom-engraving');

    const bad = join(mkdtempSync(join(tmpdir(), 'kefu-layer-')), 'bad.json');
    writeFileSync(bad, JSON.stringify({ shop: { defaultCourier: '不存在的快递' } }));
    const refused = cs('rules', 'push', bad, '--platform', 'jd', '--shop', shop, '--local', '-m', 'a typo');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('shop.defaultCourier');
    expect(cs('rules', 'history', '--platform', 'jd', '--shop', shop, '--local').stdout.match(/@\d+/g)).toEqual(['@1']);
  }, 120_000);
});
