import { resolve } from 'node:path';
import { loadRulesDirectory } from '@kefu/cli';
import { DEVSET_PATH, HOLDOUT_PATH, readLabelled, TUNING_PATH } from './devset.ts';
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
// Paths given on the command line are relative to where the user ran pnpm (INIT_CWD).
const here = process.env.INIT_CWD ?? process.cwd();
const rulesDir = flag('rules') ? resolve(here, flag('rules') ?? '') : resolve(root, 'rules');
const setPath = flag('set');

const loaded = await loadRulesDirectory(rulesDir);
if (loaded.kind === 'invalid') {
  console.error(`invalid rules in ${rulesDir}:\n${loaded.errors.map((e) => `  ${e.path}: ${e.message}`).join('\n')}`);
  process.exit(2);
}
const sets: [string, URL | string][] = setPath
  ? [[setPath, resolve(here, setPath)]]
  : [
      ['dev set (FAQ examples were written with it in view)', DEVSET_PATH],
      ['tuning set (written blind to the rules; its mistakes guided the lexicon)', TUNING_PATH],
      ['held-out set (written blind to the rules; only its totals were looked at since)', HOLDOUT_PATH],
    ];
for (const [name, path] of sets) {
  const { report, results } = evaluate(loaded.engine, readLabelled(path));
  console.log(`${formatReport(report, name)}\n`);
  if (argv.includes('--mistakes')) console.log(`mistakes:\n${formatMistakes(results)}\n`);
}
