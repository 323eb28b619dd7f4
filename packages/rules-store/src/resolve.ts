import { checkRuleLayer, mergeRuleLayers, parseRules, type Platform, type Rules, type RulesError } from '@kefu/core';
import type { KvLike } from './kv-like.ts';
import { layerTargets, scopeKey, versionKey, type RulesScope, type RulesTarget } from './keys.ts';
import { readHead, type HeadState, type PointerMeta } from './pointer.ts';
import { utf8Length } from './version-meta.ts';

/** One scope's base key and what it holds. */
export type LayerHead = { target: RulesTarget; key: string; state: HeadState };

/** A version's document, parsed once: versions never change, so a reader may keep them forever. */
export type CachedVersion = { document: unknown; bytes: number };

/** Where resolution keeps versions it read (the runtime: per isolate). Keys are `<base>@<N>`. */
export type VersionCache = { get(key: string): CachedVersion | undefined; set(key: string, value: CachedVersion): void };

/** One layer of a resolution, for people: what is active under its key. */
export type ResolvedLayer = {
  scope: RulesScope;
  key: string;
  /** `rules:global@3`, `rules:shop:jd:s (legacy)`, `… (candidate)`: how errors name it. */
  label: string;
  exists: boolean;
  active: PointerMeta | null;
  legacy: boolean;
  /** The layer is the document being checked, not what KV holds. */
  candidate: boolean;
  /** UTF-8 size of the layer's document (0 when it could not be read). */
  bytes: number;
};

export type ResolvedOutcome =
  /** The merged document and the rules it validates to. */
  | { kind: 'ok'; document: Record<string, unknown>; rules: Rules }
  /**
   * A layer could not be read or merged, or the merged document is invalid. `blame` is the key
   * at fault (the most specific layer when only the merged document is wrong). `transient`: a
   * pointer names a version not readable yet (KV propagation), not a bad document.
   */
  | { kind: 'invalid'; errors: RulesError[]; blame: string; transient: boolean }
  /** No layer exists at all. */
  | { kind: 'none' };

export type Resolution = {
  platform: Platform;
  shop: string | null;
  /** Every scope considered, least specific first, existing or not. */
  layers: ResolvedLayer[];
  /** `global@3+shop@2`: which versions were merged (legacy layers show as `#legacy`). */
  combination: string;
  outcome: ResolvedOutcome;
};

/** A document standing in for one scope's layer (check, push and rollback validate with it). */
export type Candidate = { scope: RulesScope; document: unknown };

/** Read the base keys of the layers that apply to a shop, in parallel (each is a small pointer). */
export async function readHeads(kv: KvLike, platform: Platform, shop?: string): Promise<LayerHead[]> {
  return Promise.all(
    layerTargets(platform, shop).map(async (target) => {
      const key = scopeKey(target);
      return { target, key, state: readHead(await kv.get(key, 'text')) };
    }),
  );
}

/** The combination a set of heads names: what a reader compiles once. */
export function combinationOf(heads: readonly LayerHead[]): string {
  return heads.flatMap((h) => {
    const s = h.target.scope;
    if (h.state.kind === 'pointer') return [`${s}@${h.state.pointer.version}`];
    if (h.state.kind === 'legacy') return [`${s}#legacy`];
    if (h.state.kind === 'broken') return [`${s}#broken`];
    return [];
  }).join('+');
}

type Source = { layer: ResolvedLayer; document?: unknown; error?: RulesError; transient?: boolean };

/**
 * Merge the layers the heads name (a candidate replacing its scope's layer) and validate the
 * result with the full schema. Errors say which layers were merged.
 */
export async function resolveHeads(kv: KvLike, platform: Platform, shop: string | null, heads: readonly LayerHead[], options: { cache?: VersionCache; candidate?: Candidate } = {}): Promise<Resolution> {
  const sources = await Promise.all(heads.map((head) => readSource(kv, head, options)));
  const layers = sources.map((s) => s.layer);
  const combination = heads.map((h) => (h.target.scope === options.candidate?.scope ? `${h.target.scope}@candidate` : combinationOf([h]))).filter(Boolean).join('+');
  const present = sources.filter((s) => s.layer.exists);
  const base = { platform, shop, layers, combination };
  if (present.length === 0) return { ...base, outcome: { kind: 'none' } };

  const errors: RulesError[] = [];
  let blame: string | undefined;
  let transient = true;
  for (const source of present) {
    const layerErrors = source.error ? [source.error] : layerCheckErrors(source.document);
    if (layerErrors.length === 0) continue;
    errors.push(...layerErrors.map((e) => ({ path: e.path, message: `${e.message} (in ${source.layer.label})` })));
    blame ??= source.layer.key;
    transient &&= source.transient === true;
  }
  if (blame !== undefined) return { ...base, outcome: { kind: 'invalid', errors, blame, transient } };

  const merged = mergeRuleLayers(present.map((s) => s.document));
  const most = present.at(-1)!.layer;
  if (merged.kind === 'invalid') return { ...base, outcome: { kind: 'invalid', errors: merged.errors, blame: most.key, transient: false } };
  const parsed = parseRules(merged.document);
  if (parsed.kind === 'ok') return { ...base, outcome: { kind: 'ok', document: merged.document, rules: parsed.rules } };
  const from = present.length === 1 ? `in ${most.label}` : `merged ${present.map((s) => s.layer.label).join(' + ')}`;
  return { ...base, outcome: { kind: 'invalid', errors: parsed.errors.map((e) => ({ path: e.path, message: `${e.message} (${from})` })), blame: most.key, transient: false } };
}

function layerCheckErrors(document: unknown): RulesError[] {
  const checked = checkRuleLayer(document);
  return checked.kind === 'ok' ? [] : checked.errors;
}

async function readSource(kv: KvLike, head: LayerHead, options: { cache?: VersionCache; candidate?: Candidate }): Promise<Source> {
  const { key, state } = head;
  const layer: ResolvedLayer = { scope: head.target.scope, key, label: key, exists: true, active: null, legacy: false, candidate: false, bytes: 0 };
  if (options.candidate?.scope === head.target.scope) {
    const { document } = options.candidate;
    return { layer: { ...layer, label: `${key} (candidate)`, candidate: true, bytes: utf8Length(JSON.stringify(document) ?? '') }, document };
  }
  if (state.kind === 'none') return { layer: { ...layer, exists: false } };
  if (state.kind === 'broken') return { layer: { ...layer, label: `${key} (broken pointer)` }, error: { path: '(root)', message: state.reason } };
  if (state.kind === 'legacy') {
    const legacy = { ...layer, label: `${key} (legacy)`, legacy: true, bytes: utf8Length(state.raw) };
    const parsed = parseJson(state.raw);
    return parsed.ok ? { layer: legacy, document: parsed.value } : { layer: legacy, error: { path: '(root)', message: `not JSON: ${parsed.reason}` } };
  }
  const { version } = state.pointer;
  const active = { ...layer, label: versionKey(key, version), active: state.pointer };
  const stored = await readVersion(kv, versionKey(key, version), options.cache);
  if (stored.kind === 'missing') return { layer: active, error: { path: '(root)', message: `${key} points at version ${version}, which is not readable (yet)` }, transient: true };
  if (stored.kind === 'not_json') return { layer: { ...active, bytes: stored.bytes }, error: { path: '(root)', message: `not JSON: ${stored.reason}` } };
  return { layer: { ...active, bytes: stored.bytes }, document: stored.document };
}

async function readVersion(kv: KvLike, key: string, cache: VersionCache | undefined): Promise<{ kind: 'ok'; document: unknown; bytes: number } | { kind: 'missing' } | { kind: 'not_json'; reason: string; bytes: number }> {
  const cached = cache?.get(key);
  if (cached) return { kind: 'ok', ...cached };
  const text = await kv.get(key, 'text');
  if (text === null) return { kind: 'missing' };
  const bytes = utf8Length(text);
  const parsed = parseJson(text);
  if (!parsed.ok) return { kind: 'not_json', reason: parsed.reason, bytes };
  cache?.set(key, { document: parsed.value, bytes });
  return { kind: 'ok', document: parsed.value, bytes };
}

export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
}
