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
  /** The stored rules are invalid; the last-known-good engine from this isolate keeps serving. */
  | { kind: 'last_known_good'; key: string; engine: Engine; errors: RulesError[] }
  /** Invalid and nothing good seen yet, or no rules stored at all. */
  | { kind: 'unavailable'; key?: string; errors: RulesError[] };

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
    if (cached) return { kind: 'last_known_good', key, engine: cached.engine, errors: parsed.errors };
    return { kind: 'unavailable', key, errors: parsed.errors };
  }
  return { kind: 'unavailable', errors: [{ path: '(root)', message: `no rules under ${rulesKeys(platform, shopId).join(', ')}` }] };
}
