import type { RulesError } from '../rules/parse.ts';
import { RULES_KEYS } from '../rules/rules.ts';

/**
 * One layer of a shop's rules (global, platform or shop; see rules/README.md): a JSON object
 * holding any of the top-level rules keys. Only the merged document must be a whole rule set.
 */
export type RuleLayer = { readonly [key: string]: unknown };

export type RuleLayerCheck =
  /** The layer can be merged; the merged document is validated on its own. */
  | { kind: 'ok'; layer: RuleLayer }
  /** Not a layer: the errors name the offending top-level key or FAQ entry. */
  | { kind: 'invalid'; errors: RulesError[] };

/** A plain JSON object (not null, not an array). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The strict top-level check a layer passes before merging: an object whose keys are rules keys,
 * and whose `faq` (if any) lists objects each with its own `id`, removals being exactly
 * `{ "id": …, "remove": true }`. It does not look deeper: a shop layer may hold half a `shop`
 * object, which only the merged document must complete.
 */
export function checkRuleLayer(input: unknown): RuleLayerCheck {
  if (!isPlainObject(input)) return { kind: 'invalid', errors: [{ path: '(root)', message: 'a rules layer must be a JSON object' }] };
  const errors: RulesError[] = [];
  for (const key of Object.keys(input)) {
    if (!RULES_KEYS.includes(key)) errors.push({ path: key, message: `unknown rules key "${key}" (a layer holds only ${RULES_KEYS.join(', ')})` });
  }
  if ('faq' in input) errors.push(...checkFaqEntries(input.faq));
  return errors.length === 0 ? { kind: 'ok', layer: input } : { kind: 'invalid', errors };
}

function checkFaqEntries(faq: unknown): RulesError[] {
  if (!Array.isArray(faq)) return [{ path: 'faq', message: 'must be a list of FAQ rules' }];
  const errors: RulesError[] = [];
  const seen = new Map<string, number>();
  for (const [i, entry] of faq.entries()) {
    if (!isPlainObject(entry) || typeof entry.id !== 'string' || entry.id === '') {
      errors.push({ path: `faq[${i}].id`, message: 'each FAQ entry needs a string id (entries merge by id)' });
      continue;
    }
    // Within one layer an id appears once: a second would silently replace the first when merged.
    const first = seen.get(entry.id);
    if (first !== undefined) errors.push({ path: `faq[${i}].id`, message: `duplicate FAQ id "${entry.id}" (also faq[${first}])` });
    else seen.set(entry.id, i);
    if ('remove' in entry && (entry.remove !== true || Object.keys(entry).some((k) => k !== 'id' && k !== 'remove'))) {
      errors.push({ path: `faq[${i}]`, message: `a removal is exactly { "id": "${entry.id}", "remove": true }` });
    }
  }
  return errors;
}
