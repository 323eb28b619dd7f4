// `pnpm test:reliability`: runs the suite (run.ts) in a child process whose stdout and stderr (where
// wrangler and the workers write) go to a log file, while the suite's report comes through fd 3.
// On Ctrl-C, or if the suite dies, every process it started (its process group) is stopped.
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { STACK_LOG } from './stack/paths.ts';

const root = resolve(import.meta.dirname, '../../..');
const logFile = join(root, STACK_LOG);
mkdirSync(dirname(logFile), { recursive: true });
const log = openSync(logFile, 'w');
const started = Date.now();
const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), join(import.meta.dirname, 'run.ts'), ...process.argv.slice(2)], {
  cwd: resolve(import.meta.dirname, '..'),
  stdio: ['ignore', log, log, 'pipe'],
  detached: true,
});
closeSync(log);
(child.stdio[3] as Readable).pipe(process.stdout);

const stopGroup = (signal: NodeJS.Signals) => {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => stopGroup('SIGTERM'));

const code = await new Promise<number>((done) => child.once('exit', (c, s) => done(c ?? (s ? 1 : 0))));
stopGroup('SIGTERM'); // anything the suite left running (normally nothing)
if (code !== 0 && code !== 1) {
  const tail = readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
  process.stdout.write(`\nThe suite stopped with exit code ${code}. Last lines of ${logFile}:\n${tail}\n`);
}
process.stdout.write(`\nwall time ${((Date.now() - started) / 1000).toFixed(0)} s; the stack's own output: ${logFile}\n`);
process.exitCode = code;
