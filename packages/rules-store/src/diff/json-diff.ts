/**
 * A structural diff of two JSON documents (a rules layer before and after an edit): which paths
 * were added, removed or changed. Pure; paths read like the validator's (`faq[id=ship].answers[1]`).
 */
export type DiffEntry =
  | { op: 'added'; path: string; after: unknown }
  | { op: 'removed'; path: string; before: unknown }
  /** `note: 'order'`: the same items (by id) in another order; before/after are the id lists. */
  | { op: 'changed'; path: string; before: unknown; after: unknown; note?: 'order' };

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Past this many cells the scalar-list alignment gives up and compares by index. */
const LCS_MAX_CELLS = 250_000;

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isScalar = (v: unknown): boolean => v === null || typeof v !== 'object';

/** Deep equality of JSON values (object key order ignored). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    return ka.every((k) => Object.hasOwn(b, k) && jsonEqual(a[k], b[k]));
  }
  return false;
}

export function keyPath(parent: string, key: string): string {
  if (/^[A-Za-z_$][\w$-]*$/.test(key)) return parent ? `${parent}.${key}` : key;
  return `${parent}[${JSON.stringify(key)}]`;
}

/** The ids of an array whose items are all objects with a unique string `id` (FAQ rules, signals), else null. */
function idsOf(list: unknown[]): string[] | null {
  const ids: string[] = [];
  for (const item of list) {
    if (!isObject(item) || typeof item.id !== 'string') return null;
    ids.push(item.id);
  }
  return new Set(ids).size === ids.length ? ids : null;
}

type Edit = { op: 'removed'; i: number } | { op: 'added'; j: number } | { op: 'changed'; i: number; j: number };

/**
 * Align two scalar lists by their longest common subsequence: the removals, additions, and
 * substitutions (one item replaced in place) that turn one into the other. Null when too large.
 */
function alignScalars(before: unknown[], after: unknown[]): Edit[] | null {
  const n = before.length;
  const m = after.length;
  if (n * m > LCS_MAX_CELLS) return null;
  // lengths[i][j] = LCS of before[i..] and after[j..], in one flat array.
  const lengths = new Uint32Array((n + 1) * (m + 1));
  const at = (i: number, j: number) => lengths[i * (m + 1) + j] ?? 0;
  for (let i = n - 1; i >= 0; i -= 1) {
    for (let j = m - 1; j >= 0; j -= 1) {
      lengths[i * (m + 1) + j] = before[i] === after[j] ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
    }
  }
  const edits: Edit[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (before[i] === after[j]) {
      i += 1;
      j += 1;
    } else if (at(i + 1, j + 1) === at(i, j)) edits.push({ op: 'changed', i: i++, j: j++ });
    else if (at(i + 1, j) >= at(i, j + 1)) edits.push({ op: 'removed', i: i++ });
    else edits.push({ op: 'added', j: j++ });
  }
  while (i < n) edits.push({ op: 'removed', i: i++ });
  while (j < m) edits.push({ op: 'added', j: j++ });
  return edits;
}

function diffArrays(before: unknown[], after: unknown[], path: string, out: DiffEntry[]): void {
  const beforeIds = idsOf(before);
  const afterIds = idsOf(after);
  if (beforeIds && afterIds) {
    const afterById = new Map(after.map((item, i) => [afterIds[i], item]));
    const beforeById = new Map(before.map((item, i) => [beforeIds[i], item]));
    for (const [id, item] of beforeById) {
      const itemPath = `${path}[id=${id}]`;
      if (!afterById.has(id as string)) out.push({ op: 'removed', path: itemPath, before: item });
      else diffValues(item, afterById.get(id as string), itemPath, out);
    }
    for (const [id, item] of afterById) if (!beforeById.has(id as string)) out.push({ op: 'added', path: `${path}[id=${id}]`, after: item });
    const kept = new Set(beforeIds.filter((id) => afterById.has(id)));
    const orderBefore = beforeIds.filter((id) => kept.has(id));
    const orderAfter = afterIds.filter((id) => kept.has(id));
    if (!jsonEqual(orderBefore, orderAfter)) out.push({ op: 'changed', path, before: orderBefore, after: orderAfter, note: 'order' });
    return;
  }
  if (before.every(isScalar) && after.every(isScalar)) {
    const edits = alignScalars(before, after);
    if (edits) {
      for (const e of edits) {
        if (e.op === 'removed') out.push({ op: 'removed', path: `${path}[${e.i}]`, before: before[e.i] });
        else if (e.op === 'added') out.push({ op: 'added', path: `${path}[${e.j}]`, after: after[e.j] });
        else out.push({ op: 'changed', path: `${path}[${e.j}]`, before: before[e.i], after: after[e.j] });
      }
      return;
    }
  }
  const common = Math.min(before.length, after.length);
  for (let i = 0; i < common; i += 1) diffValues(before[i], after[i], `${path}[${i}]`, out);
  for (let i = common; i < before.length; i += 1) out.push({ op: 'removed', path: `${path}[${i}]`, before: before[i] });
  for (let i = common; i < after.length; i += 1) out.push({ op: 'added', path: `${path}[${i}]`, after: after[i] });
}

function diffValues(before: unknown, after: unknown, path: string, out: DiffEntry[]): void {
  if (jsonEqual(before, after)) return;
  if (isObject(before) && isObject(after)) {
    for (const key of Object.keys(before)) {
      const p = keyPath(path, key);
      if (!Object.hasOwn(after, key)) out.push({ op: 'removed', path: p, before: before[key] });
      else diffValues(before[key], after[key], p, out);
    }
    for (const key of Object.keys(after)) if (!Object.hasOwn(before, key)) out.push({ op: 'added', path: keyPath(path, key), after: after[key] });
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) return diffArrays(before, after, path, out);
  out.push({ op: 'changed', path: path || '(root)', before, after });
}

/**
 * What changed from `before` to `after`. Objects compare key by key; lists of objects with unique
 * string ids (the FAQ) match items by id, so editing one rule is one rule's change wherever it moved;
 * lists of plain values (examples, terms) are aligned, so inserting one line is one addition.
 */
export function diffJson(before: Json | unknown, after: Json | unknown): DiffEntry[] {
  const out: DiffEntry[] = [];
  diffValues(before, after, '', out);
  return out;
}

/** Counts per op, for the summary line. */
export function summarize(entries: readonly DiffEntry[]): Record<DiffEntry['op'], number> {
  const counts = { added: 0, removed: 0, changed: 0 };
  for (const e of entries) counts[e.op] += 1;
  return counts;
}

/** A value shortened for display in one table cell. */
export function preview(value: unknown, max = 120): string {
  const text = value === undefined ? '' : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
