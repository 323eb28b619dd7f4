import { doudianApiSign } from '../doudian/index.ts';
import { josTimestamp, signJos } from '../jd/index.ts';
import { signPdd } from '../pdd/index.ts';
import { signTop, topTimestamp } from '../top/index.ts';
import type { BridgeSigner } from './bridge-signer.ts';

/** `yyyy-MM-dd HH:mm:ss` in GMT+8 back to epoch ms. */
function fromChinaTime(value: string | undefined): number | undefined {
  const m = value?.match(/^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  return Date.UTC(y, mo - 1, d, h - 8, mi, s);
}

/** Unix seconds (string) back to epoch ms. */
function fromUnixSeconds(value: string | undefined): number | undefined {
  return value && /^\d{9,11}$/.test(value) ? Number(value) * 1000 : undefined;
}

/** Taobao TOP: system params in the query, signed with the body appended (TOP's "with body" form, as 奇门 uses). */
export const topBridgeSigner: BridgeSigner = {
  appKeyParam: 'app_key',
  systemParams: (appKey, method, now) => ({ method, app_key: appKey, timestamp: topTimestamp(now), format: 'json', v: '2.0', sign_method: 'hmac-sha256' }),
  signedAt: (params) => fromChinaTime(params.timestamp),
  sign: (params, body, secret) => signTop(params, secret, body),
};

/** Pinduoduo: `type`, `client_id`, unix-second `timestamp`; the body is signed as the `data` parameter. */
export const pddBridgeSigner: BridgeSigner = {
  appKeyParam: 'client_id',
  systemParams: (clientId, type, now) => ({ type, client_id: clientId, timestamp: String(Math.floor(now / 1000)), data_type: 'JSON' }),
  signedAt: (params) => fromUnixSeconds(params.timestamp),
  sign: (params, body, secret) => signPdd({ ...params, data: body }, secret),
};

/** JD JOS: system params in the query; the body is signed as `360buy_param_json`, as JOS signs business JSON. */
export const josBridgeSigner: BridgeSigner = {
  appKeyParam: 'app_key',
  systemParams: (appKey, method, now) => ({ method, app_key: appKey, timestamp: josTimestamp(now), v: '2.0' }),
  signedAt: (params) => fromChinaTime(params.timestamp),
  sign: (params, body, secret) => signJos({ ...params, '360buy_param_json': body }, secret),
};

/** 抖店: the open-platform API signature with the body as `param_json` (sign_method hmac-sha256). */
export const doudianBridgeSigner: BridgeSigner = {
  appKeyParam: 'app_key',
  systemParams: (appKey, method, now) => ({ app_key: appKey, method, timestamp: String(Math.floor(now / 1000)), v: '2', sign_method: 'hmac-sha256' }),
  signedAt: (params) => fromUnixSeconds(params.timestamp),
  sign: (params, body, secret) =>
    doudianApiSign({ app_key: params.app_key ?? '', method: params.method ?? '', param_json: body, timestamp: params.timestamp ?? '', v: params.v ?? '2' }, secret, params.sign_method === 'md5' ? 'md5' : 'hmac-sha256'),
};
