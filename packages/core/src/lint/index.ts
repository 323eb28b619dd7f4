export { lintRules, type LintFinding } from './lint.ts';
