import { compileRules, parseRules, type Engine, type Platform, type RulesError } from '@kefu/core';

/**
 * Where a shop's rules live in KV, most specific first: a shop's own rules, the platform's
 * default, the global default. Each value is a whole rules document (see rules/README.md).
 */
export function rulesKeys(platform: Platform, shopId: string): string[] {
  return [`rules:shop:${platform}:${shopId}`, `rules:platform:${platform}`, 'rules:global'];
}

/** What loading rules found, beside the engine to use. */
export type RulesLoad =
  /** Valid rules from this key. */
  | { kind: 'ok'; key: string; engine: Engine }
  /** The stored rules (version `badVersion`) are invalid; the last-known-good engine from this isolate keeps serving. */
  | { kind: 'last_known_good'; key: string; engine: Engine; errors: RulesError[]; badVersion: string }
  /** Invalid (version `badVersion`) and nothing good seen yet, or no rules stored at all. */
  | { kind: 'unavailable'; key?: string; errors: RulesError[]; badVersion?: string };

/**
 * Per KV key, the last valid rules seen by this isolate and their compiled engine: rules compile
 * once per version, and a bad value written over them leaves these serving (last-known-good).
 */
const cache = new Map<string, { raw: string; engine: Engine }>();

/** Load the rules that apply to a shop from KV: validated, compiled once, last-known-good on a bad write. */
export async function loadRules(kv: KVNamespace, platform: Platform, shopId: string): Promise<RulesLoad> {
  for (const key of rulesKeys(platform, shopId)) {
    const raw = await kv.get(key);
    if (raw === null) continue;
    const cached = cache.get(key);
    if (cached?.raw === raw) return { kind: 'ok', key, engine: cached.engine };
    let parsed: ReturnType<typeof parseRules>;
    try {
      parsed = parseRules(JSON.parse(raw));
    } catch (error) {
      parsed = { kind: 'invalid', errors: [{ path: '(root)', message: `not JSON: ${(error as Error).message}` }] };
    }
    if (parsed.kind === 'ok') {
      const engine = compileRules(parsed.rules);
      cache.set(key, { raw, engine });
      return { kind: 'ok', key, engine };
    }
    const badVersion = fingerprint(raw);
    if (cached) return { kind: 'last_known_good', key, engine: cached.engine, errors: parsed.errors, badVersion };
    return { kind: 'unavailable', key, errors: parsed.errors, badVersion };
  }
  return { kind: 'unavailable', errors: [{ path: '(root)', message: `no rules under ${rulesKeys(platform, shopId).join(', ')}` }] };
}

/** A short fingerprint of a stored value (FNV-1a), so one bad version raises one alert. */
function fingerprint(raw: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < raw.length; i += 1) hash = Math.imul(hash ^ raw.charCodeAt(i), 0x01000193);
  return `${(hash >>> 0).toString(16)}-${raw.length}`;
}
