import { PLATFORMS, type Platform } from '@kefu/core';
import { z } from 'zod';
import { setting, type ConsoleEnv } from '../env.ts';
import { PlatformClient, type Outcome } from './client.ts';
import {
  checkSchema,
  deadLetterSchema,
  escalationSchema,
  pushSchema,
  retrySchema,
  rollbackSchema,
  rowsSchema,
  rulesKey,
  rulesViewSchema,
  slaSchema,
  versionSchema,
  versionsSchema,
  type EscalationStatus,
  type Scope,
  type VersionView,
} from './contract.ts';
import { platformTargets } from './targets.ts';

/** One client per platform, built from the request's bindings. */
export function platformClients(env: ConsoleEnv): { clients: Record<Platform, PlatformClient>; configError: string | null } {
  const { targets, configError } = platformTargets(env);
  const token = setting(env, 'INSPECT_TOKEN');
  const clients = Object.fromEntries(PLATFORMS.map((p) => [p, new PlatformClient(p, targets[p], token)])) as Record<Platform, PlatformClient>;
  return { clients, configError };
}

function query(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** The shop a scope needs: only `shop` layers name one. */
const shopFor = (scope: Scope, shop: string | undefined) => (scope === 'shop' ? shop : undefined);

export const rulesView = (c: PlatformClient, shop?: string) => c.get(`/__kefu/rules${query({ shop })}`, rulesViewSchema);

export const versions = (c: PlatformClient, scope: Scope, shop?: string) => c.get(`/__kefu/rules/versions${query({ scope, shop: shopFor(scope, shop) })}`, versionsSchema);

/** Versions are immutable: one fetched document serves this isolate for good (bounded). */
const versionCache = new Map<string, VersionView>();
const VERSION_CACHE_MAX = 64;

export async function version(c: PlatformClient, scope: Scope, shop: string | undefined, n: number): Promise<Outcome<VersionView>> {
  const key = `${c.platform}|${rulesKey(scope, c.platform, shop)}@${n}`;
  const hit = versionCache.get(key);
  if (hit) return { ok: true, platform: c.platform, status: 200, data: hit };
  const outcome = await c.get(`/__kefu/rules/version${query({ scope, shop: shopFor(scope, shop), version: n })}`, versionSchema);
  if (outcome.ok) {
    if (versionCache.size >= VERSION_CACHE_MAX) versionCache.delete(versionCache.keys().next().value ?? '');
    versionCache.set(key, outcome.data);
  }
  return outcome;
}

export type LayerRequest = { scope: Scope; shop?: string | undefined; document: unknown };

export const check = (c: PlatformClient, r: LayerRequest) => c.post('/__kefu/rules/check', { scope: r.scope, shop: shopFor(r.scope, r.shop), document: r.document }, checkSchema);

/** Versions store at most 64 characters of author (KV metadata limit); cut here so the audit matches. */
export const author = (actor: string) => [...actor].slice(0, 64).join('');

export const push = (c: PlatformClient, r: LayerRequest & { author: string; message: string; expectActive?: number | null | undefined }) =>
  c.post(
    '/__kefu/rules/push',
    { scope: r.scope, shop: shopFor(r.scope, r.shop), document: r.document, author: author(r.author), message: r.message, ...(r.expectActive === undefined ? {} : { expectActive: r.expectActive }) },
    pushSchema,
  );

export const rollback = (c: PlatformClient, r: { scope: Scope; shop?: string | undefined; version?: number | undefined; author: string; message?: string | undefined; expectActive?: number | undefined }) =>
  c.post(
    '/__kefu/rules/rollback',
    { scope: r.scope, shop: shopFor(r.scope, r.shop), version: r.version, author: author(r.author), message: r.message, ...(r.expectActive === undefined ? {} : { expectActive: r.expectActive }) },
    rollbackSchema,
  );

/** The most rows `GET /__kefu/escalations` and `/__kefu/dead-letters` return (they refuse more). */
export const ESCALATIONS_MAX = 200;

export const escalations = (c: PlatformClient, status: EscalationStatus, options: { shop?: string | undefined; limit?: number } = {}) =>
  c.get(`/__kefu/escalations${query({ status, shop: options.shop, limit: Math.min(options.limit ?? ESCALATIONS_MAX, ESCALATIONS_MAX) })}`, rowsSchema(escalationSchema));

export const deadLetters = (c: PlatformClient, limit = 100) => c.get(`/__kefu/dead-letters${query({ limit })}`, rowsSchema(deadLetterSchema));

export const retryDeadLetter = (c: PlatformClient, id: string) => c.post(`/__kefu/dead-letters/${encodeURIComponent(id)}/retry`, {}, retrySchema);

export const sla = (c: PlatformClient, shop: string, days: number) => c.get(`/__kefu/sla${query({ shop, days })}`, slaSchema);

/** `/health` is public on every platform worker: tells "down" apart from "token refused". */
export const health = (c: PlatformClient) => c.get('/health', z.looseObject({ ok: z.boolean().catch(false) }));
