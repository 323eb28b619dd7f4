import { HttpError } from '@kefu/runtime';

/** The worker's bindings, as `wrangler types` generates them from wrangler.jsonc. */
export type DouyinEnv = Env;

/** Settings the adapter reads; vars and secrets alike are plain strings at run time. */
export type SettingName =
  | 'DOUDIAN_APP_KEY'
  | 'DOUDIAN_APP_SECRET'
  | 'DOUYIN_CLIENT_KEY'
  | 'DOUYIN_CLIENT_SECRET'
  | 'DOUYIN_ACCESS_TOKEN'
  | 'DOUYIN_OPEN_API_BASE'
  | 'DOUYIN_BRIDGE_APP_KEY'
  | 'DOUYIN_BRIDGE_SECRET'
  | 'BRIDGE_SEND_URL'
  | 'BRIDGE_SEND_METHOD';

/** A setting's value, or '' when unset (vars are typed as their literal defaults, so widen here). */
export function setting(env: DouyinEnv, name: SettingName): string {
  const value: unknown = (env as unknown as Record<string, unknown>)[name];
  return typeof value === 'string' ? value.trim() : '';
}

/**
 * A setting a route cannot work without. Missing → 503 naming it, so the platform retries once the
 * deployment is fixed instead of the push being acked and lost.
 */
export function requiredSetting(env: DouyinEnv, name: SettingName): string {
  const value = setting(env, name);
  if (!value) throw new HttpError(503, 'not_configured', `${name} is not set (see apps/douyin/README.md)`);
  return value;
}
