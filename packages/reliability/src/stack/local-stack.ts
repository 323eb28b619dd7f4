import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PLATFORMS, type Platform } from '@kefu/core';
import { readRulesDirectory, sandboxUrl, STACK_PORTS, startStack, type Stack } from '@kefu/cli';
import { allDayRules, type RulesDocument } from './rules.ts';

/** The ports this suite may use: 8901–8905 and the sandbox on 8990 (offset 200). */
export const PORT_OFFSET = 200;
const STATE = `.wrangler/stack-${PORT_OFFSET}`;

/** The real local stack the suite drives, and how to change a worker's rules. */
export type LocalStack = {
  stack: Stack;
  root: string;
  /** The repository's rules, open all day (what every worker serves unless a check changes it). */
  goodRules: RulesDocument;
  /** Write `rules:global` into one worker's local KV (the worker may be running: see putRules). */
  putRules(platform: Platform, document: RulesDocument | string): Promise<void>;
};

/**
 * Start the whole stack from empty storage on the shifted ports, then give every worker the
 * all-day rules. Refuses to run if `@kefu/cli` was loaded without the offset (it would use the
 * developer's ports).
 */
export async function startLocalStack(root: string, log: (line: string) => void): Promise<LocalStack> {
  if (STACK_PORTS.wecom !== 8701 + PORT_OFFSET || !sandboxUrl().endsWith(`:${8790 + PORT_OFFSET}`)) {
    throw new Error(`@kefu/cli was loaded without KEFU_STACK_PORT_OFFSET=${PORT_OFFSET} (wecom on ${STACK_PORTS.wecom}): refusing to touch another stack's ports`);
  }
  const stack = await startStack({ rulesDir: join(root, 'rules'), fresh: true, console: false, log });
  const goodRules = allDayRules((await readRulesDirectory(join(root, 'rules'))).document);
  // One file per platform: a platform's writes come one after another.
  const putRules = async (platform: Platform, document: RulesDocument | string) => {
    const file = join(root, STATE, `reliability-rules-${platform}.json`);
    await writeFile(file, typeof document === 'string' ? document : JSON.stringify(document));
    await kvPut(root, platform, file);
  };
  await Promise.all(PLATFORMS.map((p) => putRules(p, goodRules)));
  return { stack, root, goodRules, putRules };
}

/**
 * `wrangler kv key put rules:global --local` into a worker's persisted KV. It works while the
 * worker runs (workerd reads local KV from the same files, uncached), which the last-known-good
 * check needs: stopping the worker would throw away the isolate that remembers the good rules.
 */
function kvPut(root: string, platform: Platform, file: string): Promise<void> {
  const cwd = join(root, 'apps', platform);
  const args = [join(cwd, 'node_modules/wrangler/bin/wrangler.js'), 'kv', 'key', 'put', 'rules:global', '--binding', 'RULES', '--local', '--persist-to', join(root, STATE, platform), '--path', file];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false', NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`wrangler kv key put (apps/${platform}) exited ${code}: ${output.slice(-800)}`))));
  });
}
