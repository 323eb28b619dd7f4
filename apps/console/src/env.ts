import { PLATFORMS, type Platform } from '@kefu/core';

/** The optional service binding per platform worker (wrangler.jsonc `services`, commented out by default). */
export const PLATFORM_BINDINGS = {
  wecom: 'PLATFORM_WECOM',
  douyin: 'PLATFORM_DOUYIN',
  taobao: 'PLATFORM_TAOBAO',
  pinduoduo: 'PLATFORM_PINDUODUO',
  jd: 'PLATFORM_JD',
} as const satisfies Record<Platform, string>;

export type PlatformBindingName = (typeof PLATFORM_BINDINGS)[Platform];

/**
 * The console's bindings: the generated `Env`, plus the service bindings that exist only where
 * configured (not in wrangler.jsonc by default, so `wrangler types` cannot know them).
 */
export type ConsoleEnv = Env & { [K in PlatformBindingName]?: Fetcher };

/** What a signed-in request carries: who, and how they proved it (bearer writes skip CSRF). */
export type Auth = { actor: string; via: 'access' | 'bearer' | 'session' };

/** Hono's generic: bindings plus what the middlewares put on the context. */
export type AppEnv = { Bindings: ConsoleEnv; Variables: { auth: Auth; nonce: string } };

/**
 * A string var or secret. `wrangler types` types the empty defaults as the literal `""`, and tests
 * or `.dev.vars` may leave one out: read every one as a plain, possibly empty, string.
 */
export function setting(env: ConsoleEnv, name: 'PLATFORM_URLS' | 'ACCESS_TEAM_DOMAIN' | 'ACCESS_AUD' | 'ACCESS_CERTS_URL' | 'INSPECT_TOKEN' | 'CONSOLE_TOKEN' | 'SESSION_SECRET'): string {
  const value: unknown = env[name];
  return typeof value === 'string' ? value.trim() : '';
}

export function isPlatform(value: unknown): value is Platform {
  return typeof value === 'string' && (PLATFORMS as readonly string[]).includes(value);
}
