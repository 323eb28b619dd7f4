import { compileRules, type Engine, type Platform, type RulesError } from '@kefu/core';
import { layerTargets, RulesStore, scopeKey, type CachedVersion, type LayerHead, type Resolution } from '@kefu/rules-store';
import { BoundedMap } from './bounded-map.ts';

/**
 * The base keys of the layers that apply to a shop, most specific first: the shop's own layer,
 * the platform's, the global one. Each holds an active pointer or a legacy document (rules/README.md).
 */
export function rulesKeys(platform: Platform, shopId: string): string[] {
  return layerTargets(platform, shopId).map(scopeKey).reverse();
}

/** What loading rules found, beside the engine to use. `layers`: what was merged (`rules:global@3`, `rules:shop:jd:s (legacy)`). */
export type RulesLoad =
  /** Valid rules; `key` is the most specific layer's. */
  | { kind: 'ok'; key: string; layers: string[]; engine: Engine }
  /**
   * The layers in KV now (combination `badVersion`) do not make valid rules; the last good engine
   * this isolate served for the shop keeps serving. `key`: the layer at fault (the most specific
   * one when only the merge is wrong). No `badVersion`: a version not readable yet, not a bad one.
   */
  | { kind: 'last_known_good'; key: string; layers: string[]; engine: Engine; errors: RulesError[]; badVersion?: string }
  /** Invalid and nothing good seen for this shop yet, or no rules stored at all (no `key`). */
  | { kind: 'unavailable'; key?: string; layers: string[]; errors: RulesError[]; badVersion?: string };

type Compiled =
  | { kind: 'ok'; key: string; layers: string[]; engine: Engine }
  | { kind: 'invalid'; key: string; layers: string[]; errors: RulesError[]; badVersion: string | undefined };

/** Versions never change: parsed once per isolate (a few, as a long-lived isolate sees many pushes). */
const versions = new BoundedMap<string, CachedVersion>(32);
/**
 * One engine per combination of layer versions (shops without a layer of their own share one),
 * and the verdict on a bad combination, so neither is redone per message. Legacy layers are
 * named by their key and compared by text.
 */
const compiled = new BoundedMap<string, { legacy: string[]; result: Compiled }>(64);
/** Per (platform, shop): the last engine served, for when the layers in KV stop validating. */
const lastGood = new BoundedMap<string, Engine>(512);

/**
 * Load the rules for a shop (no shop: the platform's rules without a shop layer). Per call it
 * reads the layers' pointers; versions come from this isolate's cache, and each combination is
 * merged, validated and compiled once.
 */
export async function loadRules(kv: KVNamespace, platform: Platform, shopId?: string): Promise<RulesLoad> {
  const store = new RulesStore(kv, { cache: versions });
  const heads = await store.heads(platform, shopId);
  if (heads.every((h) => h.state.kind === 'none')) {
    return { kind: 'unavailable', layers: [], errors: [{ path: '(root)', message: `no rules under ${heads.map((h) => h.key).reverse().join(', ')}` }] };
  }
  const id = headsId(heads);
  const legacy = heads.flatMap((h) => (h.state.kind === 'legacy' ? [h.state.raw] : []));
  let entry = compiled.get(id);
  if (!entry || !sameTexts(entry.legacy, legacy)) {
    const resolution = await store.resolveHeads(platform, shopId ?? null, heads);
    entry = { legacy, result: compile(resolution, heads) };
    // A version not readable yet is retried by the next message, not remembered as bad.
    if (entry.result.kind === 'ok' || entry.result.badVersion !== undefined) compiled.set(id, entry);
  }
  const shopKey = `${platform}\u0000${shopId ?? ''}`;
  const { result } = entry;
  if (result.kind === 'ok') {
    lastGood.set(shopKey, result.engine);
    return result;
  }
  const good = lastGood.get(shopKey);
  const bad = { key: result.key, layers: result.layers, errors: result.errors, ...(result.badVersion !== undefined ? { badVersion: result.badVersion } : {}) };
  return good ? { kind: 'last_known_good', engine: good, ...bad } : { kind: 'unavailable', ...bad };
}

function compile(resolution: Resolution, heads: readonly LayerHead[]): Compiled {
  const present = resolution.layers.filter((l) => l.exists);
  const layers = present.map((l) => l.label);
  const { outcome } = resolution;
  if (outcome.kind === 'ok') return { kind: 'ok', key: present.at(-1)!.key, layers, engine: compileRules(outcome.rules) };
  if (outcome.kind === 'none') return { kind: 'invalid', key: heads[0]!.key, layers, errors: [], badVersion: undefined };
  return { kind: 'invalid', key: outcome.blame, layers, errors: outcome.errors, badVersion: outcome.transient ? undefined : badVersion(heads) };
}

/** The cache key of a combination: each existing layer's key and version (`#legacy` for a legacy text). */
function headsId(heads: readonly LayerHead[]): string {
  return heads.flatMap((h) => (h.state.kind === 'none' ? [] : [h.state.kind === 'pointer' ? `${h.key}@${h.state.pointer.version}` : `${h.key}#${h.state.kind}`])).join('+');
}

/** The combination as alerts name it (`global@3+shop@2`, a legacy text by its fingerprint): one alert each. */
function badVersion(heads: readonly LayerHead[]): string {
  return heads.flatMap((h) => {
    const s = h.target.scope;
    if (h.state.kind === 'pointer') return [`${s}@${h.state.pointer.version}`];
    if (h.state.kind === 'legacy') return [`${s}#${fingerprint(h.state.raw)}`];
    if (h.state.kind === 'broken') return [`${s}#broken`];
    return [];
  }).join('+');
}

function sameTexts(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((text, i) => text === b[i]);
}

/** A short fingerprint of a stored text (FNV-1a), so one bad legacy document raises one alert. */
function fingerprint(raw: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < raw.length; i += 1) hash = Math.imul(hash ^ raw.charCodeAt(i), 0x01000193);
  return `${(hash >>> 0).toString(16)}-${raw.length}`;
}
