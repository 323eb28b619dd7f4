import { josTimestamp, signJos } from '@kefu/wire';

/** The app's JOS credentials (京东宙斯 app key and secret). */
export type JosCredentials = { appKey: string; secret: string };

/** One JOS API call. */
export type JosCall = {
  /** The JOS method, e.g. `jingdong.im.pop.chatlog.get`. */
  method: string;
  /** Business parameters: sent, and signed, as the `360buy_param_json` form field. */
  params: Record<string, unknown>;
  /** The shop's authorisation token; omitted for app-level methods. */
  accessToken?: string;
};

/**
 * A signed JOS request, as the official SDK's `DefaultJdClient` builds it (protocols §4.1, PARTIAL):
 * `POST {base}/routerjson` with `method`, `app_key`, `access_token`, `timestamp` (GMT+8) and `v=2.0`
 * plus `sign` on the query, and `360buy_param_json` in the urlencoded form body. `sign` is
 * `signJos` md5 over all of them, `360buy_param_json` included.
 *
 * Empty values are never sent: the SDK skips them when signing while `signJos` signs them, so
 * sending none keeps the two from disagreeing.
 */
export function josRequest(base: string, credentials: JosCredentials, call: JosCall, now: number): Request {
  const json = JSON.stringify(call.params);
  const system: Record<string, string> = {
    method: call.method,
    app_key: credentials.appKey,
    ...(call.accessToken ? { access_token: call.accessToken } : {}),
    timestamp: josTimestamp(now),
    v: '2.0',
  };
  const sign = signJos({ ...system, '360buy_param_json': json }, credentials.secret);
  const query = new URLSearchParams({ ...system, sign });
  return new Request(`${base.replace(/\/+$/, '')}/routerjson?${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' },
    body: new URLSearchParams({ '360buy_param_json': json }).toString(),
  });
}
