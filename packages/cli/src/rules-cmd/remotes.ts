import { PLATFORMS, type Platform } from '@kefu/core';
import { CloudflareKv } from '../rules-remote/cloudflare-kv.ts';
import { rulesNamespaceId } from '../rules-remote/wrangler-config.ts';
import { LOCAL_INSPECT_TOKEN, stackUrl } from '../stack/stack-layout.ts';
import { HttpRulesRemote } from './http-remote.ts';
import type { RulesRemote } from './remote.ts';
import { StoreRulesRemote } from './store-remote.ts';

/** A setup mistake (missing token, no namespace id): printed as is, exit 2. */
export class RemoteSetupError extends Error {}

export type Where =
  /** The local stack (`pnpm start`): each worker's admin routes. */
  | { kind: 'local' }
  /** Cloudflare: the KV namespace bound as RULES in each app's wrangler.jsonc, through the REST API. */
  | { kind: 'cloudflare'; env: Record<string, string | undefined>; namespace?: string };

/**
 * The remotes a command talks to: one per platform it concerns (a global layer lives in every
 * platform's namespace). Platforms whose apps share one namespace on Cloudflare are one remote,
 * so a global push writes each namespace once.
 */
export async function remotesFor(platforms: readonly Platform[], where: Where): Promise<RulesRemote[]> {
  if (where.kind === 'local') return platforms.map((p) => new HttpRulesRemote(p, stackUrl(p), LOCAL_INSPECT_TOKEN, `${p} (local stack)`));
  const token = where.env.CLOUDFLARE_API_TOKEN;
  const accountId = where.env.CLOUDFLARE_ACCOUNT_ID;
  if (!token || !accountId) throw new RemoteSetupError('Cloudflare needs CLOUDFLARE_API_TOKEN (with "Workers KV Storage: Edit") and CLOUDFLARE_ACCOUNT_ID in the environment; or use --local for the local stack');
  const remotes: RulesRemote[] = [];
  const seen = new Set<string>();
  for (const p of platforms) {
    // --namespace: one namespace for every platform (shared, or before wrangler.jsonc has its id).
    const found = where.namespace ? { id: where.namespace } : await rulesNamespaceId(p);
    if ('error' in found) throw new RemoteSetupError(found.error);
    if (seen.has(found.id)) continue;
    seen.add(found.id);
    const kv = new CloudflareKv({ token, accountId, namespaceId: found.id, ...(where.env.CLOUDFLARE_API_BASE_URL ? { baseUrl: where.env.CLOUDFLARE_API_BASE_URL } : {}) });
    remotes.push(new StoreRulesRemote(p, kv, found.id, `${p} (Cloudflare KV ${found.id.slice(0, 8)}…)`));
  }
  return remotes;
}

export const ALL_PLATFORMS: readonly Platform[] = PLATFORMS;
