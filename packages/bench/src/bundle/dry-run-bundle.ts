import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { bytesByPackage, type Metafile } from './bundle-inputs.ts';

/** What `wrangler deploy` would upload for one worker. */
export type BundleSize = { bytes: number; gzipBytes: number; largest: { name: string; bytes: number }[] };

/**
 * Bundle a worker exactly as a deploy would (`wrangler deploy --dry-run --outdir`: no account, no
 * network) and size what would be uploaded: every module in the output except source maps, gzip
 * over them together at the default level, which is how wrangler prints "Total Upload … / gzip".
 */
export async function dryRunBundle(workerDir: string, wranglerPackage: string, outdir: string): Promise<BundleSize> {
  const metafile = join(outdir, 'meta.json');
  await run(process.execPath, [join(wranglerPackage, 'node_modules', 'wrangler', 'bin', 'wrangler.js'), 'deploy', '--dry-run', '--outdir', outdir, '--metafile', metafile], workerDir);
  const modules = (await readdir(outdir)).filter((f) => !f.endsWith('.map') && f !== 'meta.json' && f !== 'README.md').sort();
  const contents = await Promise.all(modules.map((f) => readFile(join(outdir, f))));
  const all = Buffer.concat(contents);
  const meta = JSON.parse(await readFile(metafile, 'utf8')) as Metafile;
  return { bytes: all.byteLength, gzipBytes: gzipSync(all).byteLength, largest: bytesByPackage(meta) };
}

function run(command: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args.slice(1, 3).join(' ')} in ${cwd} exited ${code}:\n${output.slice(-2000)}`))));
  });
}
