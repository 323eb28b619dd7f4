import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './stack-layout.ts';

/**
 * Run the workspace's wrangler (from the app's node_modules) in an app's folder, on the Node that
 * runs `cs` (the workspace's own Node 24: wrangler 4 needs ≥ 22, whatever `node` is on PATH).
 */
export function wrangler(app: string, args: string[], options: { quiet?: boolean; env?: Record<string, string> } = {}): ChildProcess {
  const cwd = join(REPO_ROOT, 'apps', app);
  return spawn(process.execPath, [join(cwd, 'node_modules', 'wrangler', 'bin', 'wrangler.js'), ...args], {
    cwd,
    // Offline: no metrics, and no fetch of the Request.cf placeholder from workers.cloudflare.com.
    env: { ...process.env, ...options.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false', NO_COLOR: '1' },
    stdio: options.quiet ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'inherit', 'inherit'],
  });
}

/** Run wrangler to completion; reject with its output when it fails. */
export function wranglerOnce(app: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = wrangler(app, args, { quiet: true });
    let output = '';
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`wrangler ${args.join(' ')} (in apps/${app}) exited ${code}:\n${output.slice(-2000)}`))));
  });
}
