import { rulesSchema, type Rules } from './rules.ts';

/** One problem in a rule set, with the exact path of the bad field (`faq[3].answers[1]`). */
export type RulesError = { path: string; message: string };

export type ParseRulesResult =
  /** The rules are valid; defaults are filled in. */
  | { kind: 'ok'; rules: Rules }
  /** The rules are invalid; nothing of them may be used. */
  | { kind: 'invalid'; errors: RulesError[] };

/** Render a zod path the way a shop's engineer would write it: `faq[3].answers[1]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
    .join('') || '(root)';
}

/** Validate untrusted rules (KV value, files, console edit). Never throws. */
export function parseRules(input: unknown): ParseRulesResult {
  const result = rulesSchema.safeParse(input);
  if (result.success) return { kind: 'ok', rules: result.data };
  return {
    kind: 'invalid',
    errors: result.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })),
  };
}
