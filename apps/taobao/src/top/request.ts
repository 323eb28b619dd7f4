import { signTop, topTimestamp, type TopSignMethod } from '@kefu/wire';

/** What one TOP call is made of. */
export type TopCall = {
  method: string;
  appKey: string;
  secret: string;
  /** Application parameters (`group_name`, `quantity`…); empty values are left out, as TOP's SDK does. */
  params?: Record<string, string | undefined>;
  now: number;
  /** hmac-sha256 unless told otherwise: the strongest of TOP's three. */
  signMethod?: TopSignMethod;
};

/**
 * The signed form parameters of a TOP request (protocols §2.1, CONFIRMED): system parameters
 * `method, app_key, timestamp (GMT+8), format=json, v=2.0, sign_method`, the application
 * parameters, and `sign` over all of them. No `simplify`: responses keep TOP's classic envelope.
 * No `session`: TMC calls are made as the app, not as a seller.
 */
export function topRequestParams(call: TopCall): Record<string, string> {
  const params: Record<string, string> = {
    method: call.method,
    app_key: call.appKey,
    timestamp: topTimestamp(call.now),
    format: 'json',
    v: '2.0',
    sign_method: call.signMethod ?? 'hmac-sha256',
  };
  for (const [key, value] of Object.entries(call.params ?? {})) if (value !== undefined && value !== '') params[key] = value;
  return { ...params, sign: signTop(params, call.secret) };
}
