import { PLATFORMS, type Platform } from '@kefu/core';
import { PLATFORM_BINDINGS, setting, type ConsoleEnv } from '../env.ts';

/** How the console reaches one platform worker. */
export type Target =
  /** A service binding: the only way on Cloudflare when both Workers share a zone / account subdomain. */
  | { kind: 'binding'; fetcher: Fetcher; label: string }
  /** A base URL from PLATFORM_URLS (local stack, or workers on other zones). */
  | { kind: 'url'; base: string; label: string }
  /** Neither: the platform is not managed by this console. */
  | { kind: 'none'; label: string };

export type Targets = { targets: Record<Platform, Target>; configError: string | null };

/**
 * Each platform's target. A service binding wins over a URL: a Worker's subrequest to another
 * Worker's public hostname on the same zone does not reach it (Cloudflare routes it to the origin,
 * or refuses it on workers.dev), while a service binding calls it directly, with no public hop.
 */
export function platformTargets(env: ConsoleEnv): Targets {
  let urls: Record<string, unknown> = {};
  let configError: string | null = null;
  const raw = setting(env, 'PLATFORM_URLS');
  if (raw) {
    try {
      const parsed: unknown = JSON.parse(raw);
      if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) urls = parsed as Record<string, unknown>;
      else configError = 'PLATFORM_URLS must be a JSON object {"jd": "https://…"}';
    } catch (error) {
      configError = `PLATFORM_URLS is not valid JSON: ${(error as Error).message}`;
    }
  }
  const targets = {} as Record<Platform, Target>;
  for (const platform of PLATFORMS) {
    const binding = PLATFORM_BINDINGS[platform];
    const fetcher = env[binding];
    const url = urls[platform];
    if (fetcher && typeof fetcher.fetch === 'function') targets[platform] = { kind: 'binding', fetcher, label: `service binding ${binding}` };
    else if (typeof url === 'string' && /^https?:\/\//.test(url)) targets[platform] = { kind: 'url', base: url.replace(/\/+$/, ''), label: url };
    else targets[platform] = { kind: 'none', label: `not configured (no ${binding} binding, no PLATFORM_URLS.${platform})` };
  }
  return { targets, configError };
}

/** The platforms the console manages, in the usual order. */
export function configuredPlatforms(targets: Targets): Platform[] {
  return PLATFORMS.filter((p) => targets.targets[p].kind !== 'none');
}
