import { lintRules, type LintFinding } from '@kefu/core';
import { locate } from '../rules-dir/read.ts';
import { loadRulesDirectory } from '../rules-dir/load.ts';

type Out = { log: (line: string) => void; error: (line: string) => void };

/** `cs rules validate DIR`: exit 0 when valid, 1 when not, each error with its file and field. */
export async function validateRules(dir: string, out: Out): Promise<number> {
  const loaded = await loadRulesDirectory(dir);
  if (loaded.kind === 'invalid') {
    for (const e of loaded.errors) out.error(`✗ ${e.path}: ${e.message}`);
    out.error(`${loaded.errors.length} error(s) in ${dir}`);
    return 1;
  }
  const { rules } = loaded.engine;
  out.log(`✓ ${dir}: valid (${rules.faq.length} FAQ rules, ${rules.complaint.signals.length} complaint signals)`);
  return 0;
}

/**
 * `cs rules lint DIR`: exit 0 when there is no error (warnings allowed; `--strict` fails on them
 * too), 1 on lint errors, and 1 when the rules do not even validate.
 */
export async function lintRulesDirectory(dir: string, strict: boolean, out: Out): Promise<number> {
  const loaded = await loadRulesDirectory(dir);
  if (loaded.kind === 'invalid') return validateRules(dir, out);
  const findings = lintRules(loaded.engine.rules, loaded.engine.shopValues);
  const show = (f: LintFinding): string => `${f.level === 'error' ? '✗' : '!'} ${locate(f.path, loaded.sources)}: ${f.message} [${f.code}]`;
  for (const f of findings) (f.level === 'error' ? out.error : out.log)(show(f));
  const errors = findings.filter((f) => f.level === 'error').length;
  const warnings = findings.length - errors;
  out.log(`${errors} error(s), ${warnings} warning(s) in ${dir}`);
  return errors > 0 || (strict && warnings > 0) ? 1 : 0;
}
