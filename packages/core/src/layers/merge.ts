import type { RulesError } from '../rules/parse.ts';
import { checkRuleLayer, isPlainObject } from './layer.ts';

export type MergeRuleLayersResult =
  /** The merged document: validate it with `parseRules` before use. */
  | { kind: 'ok'; document: Record<string, unknown> }
  /** A layer failed `checkRuleLayer`; messages say which (`layer 2 of 3: …`). */
  | { kind: 'invalid'; errors: RulesError[] };

/**
 * Merge rule layers, least specific first (global, platform, shop). Pure; the inputs are not
 * changed and the result shares nothing with them.
 * - plain objects deep-merge; arrays and scalars (null too) replace what they override;
 * - the top-level `faq` merges by `id`: an existing id is replaced whole (in its place), a new id
 *   is appended, and `{ "id": "x", "remove": true }` removes the inherited rule `x` (a removal of an
 *   id nobody defined is a no-op).
 */
export function mergeRuleLayers(layers: readonly unknown[]): MergeRuleLayersResult {
  const errors: RulesError[] = [];
  for (const [i, layer] of layers.entries()) {
    const checked = checkRuleLayer(layer);
    if (checked.kind === 'invalid') errors.push(...checked.errors.map((e) => ({ path: e.path, message: `layer ${i + 1} of ${layers.length}: ${e.message}` })));
  }
  if (errors.length > 0) return { kind: 'invalid', errors };

  let document: Record<string, unknown> = {};
  let faq: Map<string, unknown> | undefined;
  for (const layer of layers as readonly Record<string, unknown>[]) {
    const { faq: entries, ...rest } = layer;
    document = mergeObjects(document, rest);
    if (entries === undefined) continue;
    faq ??= new Map();
    for (const entry of entries as Record<string, unknown>[]) {
      const id = entry.id as string;
      // Map.set keeps an existing id in its place: a replaced rule keeps its position.
      if (entry.remove === true) faq.delete(id);
      else faq.set(id, cloneJson(entry));
    }
  }
  if (faq) setOwn(document, 'faq', [...faq.values()]);
  return { kind: 'ok', document };
}

function mergeObjects(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(base)) setOwn(out, key, value);
  for (const [key, value] of Object.entries(over)) {
    const inherited = out[key];
    setOwn(out, key, isPlainObject(inherited) && isPlainObject(value) && Object.hasOwn(out, key) ? mergeObjects(inherited, value) : cloneJson(value));
  }
  return out;
}

function cloneJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(cloneJson);
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) setOwn(out, key, cloneJson(v));
  return out;
}

/**
 * Assign as an own data property: `JSON.parse` makes `"__proto__"` an own key, and a plain
 * assignment would set the prototype instead (hiding the key from the strict schema).
 */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}
