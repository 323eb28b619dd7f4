import type { Rules } from '../rules/rules.ts';

/** Every buyer-facing template with its rules path and script kind. */
export type ScriptEntry = { path: string; kind: string; text: string };

export function* scriptEntries(rules: Rules): Generator<ScriptEntry> {
  for (const [kind, value] of Object.entries(rules.scripts)) {
    if (Array.isArray(value)) {
      for (const [i, text] of value.entries()) yield { path: `scripts.${kind}[${i}]`, kind, text };
    } else {
      for (const [sub, list] of Object.entries(value)) {
        for (const [i, text] of list.entries()) yield { path: `scripts.${kind}.${sub}[${i}]`, kind, text };
      }
    }
  }
  for (const [r, rule] of rules.faq.entries()) {
    for (const [i, text] of rule.answers.entries()) yield { path: `faq[${r}].answers[${i}]`, kind: 'faq', text };
  }
}
