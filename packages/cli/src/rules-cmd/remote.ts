import type { Platform, RulesError } from '@kefu/core';
import type { CheckResult, PointerMeta, PushInput, PushResult, RollbackInput, RollbackResult, RulesScope, VersionList, VersionRead } from '@kefu/rules-store';

/** Which layer of one platform's rules a command is about. */
export type LayerRef = { scope: 'global' | 'platform' } | { scope: 'shop'; shop: string };

/** One scope's layer as `GET /__kefu/rules` shows it. */
export type LayerInfo = { scope: RulesScope; key: string; active: PointerMeta | null; legacy: boolean; bytes: number };

/** The layers that apply to a shop and what they merge to. */
export type ResolvedView = {
  layers: LayerInfo[];
  resolved: { kind: 'ok'; document: Record<string, unknown> } | { kind: 'invalid'; errors: RulesError[] };
};

/**
 * One platform's rules, wherever they are: the local stack's worker (its admin routes) or the
 * platform's KV namespace on Cloudflare (the rules store over the REST API). Both give the rules
 * store's own results, so each command is written once. The remote sets `now` itself.
 */
export interface RulesRemote {
  /** `jd (local stack)`, `jd (Cloudflare KV 0f2a…)`: how output names it. */
  readonly label: string;
  readonly platform: Platform;
  /** Remotes that are the same KV namespace (platforms sharing one on Cloudflare) share this. */
  readonly namespace: string;
  view(shop?: string): Promise<ResolvedView>;
  versions(layer: LayerRef): Promise<VersionList>;
  version(layer: LayerRef, version: number): Promise<VersionRead>;
  check(layer: LayerRef, document: unknown): Promise<CheckResult>;
  push(layer: LayerRef, input: Omit<PushInput, 'now'>): Promise<PushResult>;
  rollback(layer: LayerRef, input: Omit<RollbackInput, 'now'>): Promise<RollbackResult>;
}
