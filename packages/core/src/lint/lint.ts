import { normalizeTerms } from '../lexicon/terms.ts';
import { normalize } from '../text/normalize.ts';
import type { Rules } from '../rules/rules.ts';
import { PLATFORMS } from '../types/platform.ts';
import { renderTemplate } from '../template/render.ts';
import { BUYER_DATA_PATTERNS } from './buyer-data.ts';
import { formatPath } from '../rules/parse.ts';
import { scriptEntries } from '../rules/script-entries.ts';

/** A problem `cs rules lint` reports. Errors fail CI; warnings are advice. */
export type LintFinding = { level: 'error' | 'warning'; path: string; code: string; message: string };

/** The fewest example questions an FAQ rule should have for the matcher to generalise. */
const MIN_EXAMPLES = 8;

/** Longest realistic values, so length checks see what a buyer would. */
const SAMPLE_VALUES: Record<string, string> = {
  nextOpen: '11月12日(周四) 09:00',
  'order.courier': '顺丰速运',
  'order.trackingNo': 'SF1234567890123',
};

/**
 * Compliance lint of the shop's scripts: 广告法 absolute terms, promises the standards forbid,
 * buyer data written into scripts, per-platform length limits — and FAQ rules that cannot work
 * (too few examples, a keyword gate that rejects the rule's own examples).
 */
export function lintRules(rules: Rules, shopValues: Readonly<Record<string, string>>): LintFinding[] {
  const findings: LintFinding[] = [];
  const { compliance } = rules;
  for (const entry of scriptEntries(rules)) {
    const { text } = entry;
    const path = formatPath(entry.path);
    let scrubbed = text;
    for (const phrase of compliance.allowedPhrases) scrubbed = scrubbed.split(phrase).join('');
    for (const term of compliance.absoluteTerms) {
      if (scrubbed.includes(term)) findings.push({ level: 'error', path, code: 'absolute-term', message: `广告法 absolute term "${term}"` });
    }
    for (const term of compliance.forbiddenPromises) {
      if (scrubbed.includes(term)) findings.push({ level: 'error', path, code: 'forbidden-promise', message: `promise the standards forbid: "${term}"` });
    }
    for (const { name, pattern } of BUYER_DATA_PATTERNS) {
      if (pattern.test(text)) findings.push({ level: 'error', path, code: 'buyer-data', message: `looks like a ${name}: scripts must not carry buyer data` });
    }
    const rendered = renderTemplate(text, { ...shopValues, ...SAMPLE_VALUES });
    for (const platform of PLATFORMS) {
      const max = compliance.maxLength[platform];
      if (rendered.length > max) {
        findings.push({ level: 'error', path, code: 'too-long', message: `${rendered.length} characters, ${platform} takes ${max}` });
      }
    }
  }
  for (const [r, rule] of rules.faq.entries()) {
    const path = `faq[${r}]`;
    if (rule.examples.length < MIN_EXAMPLES) {
      findings.push({ level: 'warning', path: `${path}.examples`, code: 'few-examples', message: `${rule.id}: ${rule.examples.length} examples, ${MIN_EXAMPLES}+ recommended` });
    }
    const any = normalizeTerms(rule.keywords.any);
    const none = normalizeTerms(rule.keywords.none);
    for (const [i, example] of rule.examples.entries()) {
      const text = normalize(example).text;
      const blocked = none.find((k) => text.includes(k));
      if ((any.length > 0 && !any.some((k) => text.includes(k))) || blocked) {
        findings.push({
          level: 'warning',
          path: `${path}.examples[${i}]`,
          code: 'gate-rejects-example',
          message: `${rule.id}: its keyword gate rejects its own example "${example}"${blocked ? ` (none: "${blocked}")` : ''}`,
        });
      }
    }
  }
  return findings;
}
