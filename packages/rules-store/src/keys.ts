import type { Platform } from '@kefu/core';

/** Where a layer lives: every shop, one platform's shops, one shop. */
export const RULES_SCOPES = ['global', 'platform', 'shop'] as const;
export type RulesScope = (typeof RULES_SCOPES)[number];

/**
 * One scope's layer as seen from a platform's worker. `platform` also says which platform a
 * global change is validated for (global + that platform's layer).
 */
export type RulesTarget =
  | { scope: 'global'; platform: Platform }
  | { scope: 'platform'; platform: Platform }
  | { scope: 'shop'; platform: Platform; shop: string };

/** The base key of a scope: it holds the active pointer (or a hand-written legacy document). */
export function scopeKey(target: RulesTarget): string {
  if (target.scope === 'global') return 'rules:global';
  if (target.scope === 'platform') return `rules:platform:${target.platform}`;
  return `rules:shop:${target.platform}:${target.shop}`;
}

/** The layers that apply to a shop, least specific first (the merge order). Without a shop, no shop layer. */
export function layerTargets(platform: Platform, shop?: string): RulesTarget[] {
  const targets: RulesTarget[] = [{ scope: 'global', platform }, { scope: 'platform', platform }];
  if (shop !== undefined) targets.push({ scope: 'shop', platform, shop });
  return targets;
}

/** The key of one immutable version: `<base>@<N>`. */
export function versionKey(base: string, version: number): string {
  return `${base}@${version}`;
}

/**
 * The version a listed key names, or undefined for another scope's key sharing the prefix
 * (shop `a` lists `rules:shop:jd:a@`, which also matches shop `a@b`'s `rules:shop:jd:a@b@1`).
 */
export function versionOfKey(base: string, key: string): number | undefined {
  const suffix = key.slice(base.length + 1);
  return key.startsWith(`${base}@`) && /^[1-9][0-9]{0,8}$/.test(suffix) ? Number(suffix) : undefined;
}
