/** What a TMC pull needs, read from the worker's vars and secrets. */
export type TmcSettings = {
  /** The TOP gateway (`TAOBAO_API_BASE`). */
  base: string;
  appKey: string;
  secret: string;
  /** The TMC user group (`TMC_GROUP_NAME`, default `default`). */
  groupName: string;
  /** How long one cron run may keep pulling (`TMC_RUN_SECONDS`, default 20 s). */
  runMs: number;
};

type TmcEnv = Pick<Env, 'TAOBAO_API_BASE' | 'TAOBAO_APP_KEY' | 'TAOBAO_APP_SECRET' | 'TMC_GROUP_NAME' | 'TMC_RUN_SECONDS'>;

/** The settings, or which one is missing (a deploy without secrets pulls nothing and says why). */
export function tmcSettings(env: TmcEnv): { kind: 'ok'; settings: TmcSettings } | { kind: 'missing'; reason: string } {
  const base: string | undefined = env.TAOBAO_API_BASE;
  if (!base) return { kind: 'missing', reason: 'TAOBAO_API_BASE is not set' };
  if (!env.TAOBAO_APP_KEY || !env.TAOBAO_APP_SECRET) return { kind: 'missing', reason: 'TAOBAO_APP_KEY / TAOBAO_APP_SECRET are not set (wrangler secret put)' };
  const seconds = Number(env.TMC_RUN_SECONDS);
  return {
    kind: 'ok',
    settings: {
      base,
      appKey: env.TAOBAO_APP_KEY,
      secret: env.TAOBAO_APP_SECRET,
      groupName: env.TMC_GROUP_NAME || 'default',
      runMs: (Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 50) : 20) * 1000,
    },
  };
}
