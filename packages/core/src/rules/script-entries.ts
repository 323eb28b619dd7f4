import type { FaqRule } from './faq.ts';
import type { Scripts } from './scripts.ts';

/** A buyer-facing template, where it sits in the rules, and the script kind deciding its variables. */
export type ScriptEntry = { path: (string | number)[]; kind: string; text: string };

/** Every buyer-facing template: the scripts' variants and every FAQ answer. */
export function* scriptEntries(rules: { scripts: Scripts; faq: readonly FaqRule[] }): Generator<ScriptEntry> {
  for (const [kind, value] of Object.entries(rules.scripts)) {
    if (Array.isArray(value)) {
      for (const [i, text] of value.entries()) yield { path: ['scripts', kind, i], kind, text };
    } else {
      for (const [sub, list] of Object.entries(value)) {
        for (const [i, text] of list.entries()) yield { path: ['scripts', kind, sub, i], kind, text };
      }
    }
  }
  for (const [r, rule] of rules.faq.entries()) {
    for (const [i, text] of rule.answers.entries()) yield { path: ['faq', r, 'answers', i], kind: 'faq', text };
  }
}
