import { resolve } from 'node:path';
import { loadRulesDirectory } from '@kefu/cli';
import { DEVSET_PATH, HOLDOUT_PATH, readLabelled } from './devset.ts';
import { evaluate } from './evaluate.ts';
import { formatMistakes, formatReport } from './report.ts';

// `pnpm eval [--rules DIR] [--set FILE.jsonl] [--mistakes]`, run from the repository root by turbo
// (cwd is this package, so paths default relative to the repository root).
const argv = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const root = resolve(import.meta.dirname, '../../..');
const rulesDir = resolve(root, flag('rules') ?? 'rules');
const setPath = flag('set');

const loaded = await loadRulesDirectory(rulesDir);
if (loaded.kind === 'invalid') {
  console.error(`invalid rules in ${rulesDir}:\n${loaded.errors.map((e) => `  ${e.path}: ${e.message}`).join('\n')}`);
  process.exit(2);
}
const sets: [string, URL | string][] = setPath
  ? [[setPath, resolve(setPath)]]
  : [
      ['dev set (FAQ examples were written with it in view)', DEVSET_PATH],
      ['held-out set (written blind to the rules)', HOLDOUT_PATH],
    ];
for (const [name, path] of sets) {
  const { report, results } = evaluate(loaded.engine, readLabelled(path));
  console.log(`${formatReport(report, name)}\n`);
  if (argv.includes('--mistakes')) console.log(`mistakes:\n${formatMistakes(results)}\n`);
}
