import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { appDir, stackState } from '../layout/bench-layout.ts';

/** One KV entry for `wrangler kv bulk put`. */
export type KvEntry = { key: string; value: string };

/**
 * Write entries into a stopped stack worker's local RULES namespace in one go, from a JSON file
 * of `{ key, value }`, with the app's own wrangler (`kv bulk put --local --persist-to`), the way
 * startStack seeds `rules:global`.
 */
export function putRules(platform: string, file: string): Promise<void> {
  const cwd = appDir(platform);
  const args = [join(cwd, 'node_modules', 'wrangler', 'bin', 'wrangler.js'), 'kv', 'bulk', 'put', file, '--binding', 'RULES', '--local', '--persist-to', stackState(platform)];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`wrangler kv bulk put (apps/${platform}) exited ${code}:\n${output.slice(-2000)}`))));
  });
}
