import { JOS_SIGN_METHODS, safeEqual, signJos } from '@kefu/wire';
import type { Reply, SandboxRequest, StandIn } from '../server/types.ts';

/** Made-up JOS app credentials the stand-in checks (the worker gets the same as bindings). */
const credentials = { JD_APP_KEY: 'jd-app-key-local', JD_APP_SECRET: 'jd-app-secret-local' };

/** System parameters every JOS call carries (protocols §4.1; the SDK's AbstractRequest + DefaultJdClient). */
const REQUIRED = ['method', 'app_key', 'timestamp', 'v', 'sign'] as const;

/**
 * JOS's error envelope. The shape `error_response{code, zh_desc, en_desc}` is PARTIAL (JD's Python
 * SDK `JosException`, the decompiled Java `AbstractResponse`); code `12` 无效签名 is PARTIAL (quoted
 * from api.jd.com answers in third-party READMEs); the `en_desc` wording and every other code are
 * UNCONFIRMED, so the stand-in's own codes say `sandbox.` rather than imitate numbers.
 */
const josError = (code: string, zh: string, en: string): Reply => ({ json: { error_response: { code, zh_desc: zh, en_desc: en } } });

function routerjson(request: SandboxRequest, config: Record<string, string>): Reply {
  const form = (request.parsed ?? {}) as Record<string, unknown>;
  const json = typeof form['360buy_param_json'] === 'string' ? form['360buy_param_json'] : request.query['360buy_param_json'];
  const missing: string[] = REQUIRED.filter((name) => !request.query[name]);
  if (json === undefined) missing.push('360buy_param_json');
  if (json === undefined || missing.length > 0) return josError('sandbox.missing_parameter', `缺少参数: ${missing.join(', ')}`, `missing parameter: ${missing.join(', ')}`);
  // An unknown app key cannot be checked against any secret: JD's own code for it is UNCONFIRMED.
  if (request.query.app_key !== config.JD_APP_KEY) return josError('sandbox.unknown_app_key', '无效的app_key', 'unknown app_key');
  const { sign = '', ...system } = request.query;
  if (system.sign_method && !(JOS_SIGN_METHODS as readonly string[]).includes(system.sign_method)) return josError('sandbox.bad_sign_method', '不支持的sign_method', `unsupported sign_method ${system.sign_method}`);
  const expected = signJos({ ...system, '360buy_param_json': json }, config.JD_APP_SECRET ?? '');
  if (!safeEqual(sign.toUpperCase(), expected)) return josError('12', '无效签名', 'Invalid signature');
  try {
    JSON.parse(json);
  } catch {
    return josError('sandbox.bad_param_json', '360buy_param_json 不是 JSON', '360buy_param_json is not JSON');
  }
  // Success wraps the payload in one `<method with _>_responce` key (PARTIAL: seen in third-party
  // clients); no method is played with real data, since the bot calls none yet.
  return { json: { [`${String(request.query.method).replaceAll('.', '_')}_responce`]: { code: '0' } } };
}

/**
 * The JD JOS gateway (京东宙斯) at its real path, `POST /routerjson`, recorded as `jd:routerjson`:
 * it checks the app key and the md5 `sign` over the query's system parameters plus the form body's
 * `360buy_param_json`, and answers HTTP 200 either way, as JOS does.
 */
export const jd: StandIn = {
  name: 'jd',
  credentials,
  baseUrlVars: ['JD_API_BASE'],
  routes: [{ method: 'POST', path: '/routerjson', channel: 'jd:routerjson', handle: (request, sandbox) => routerjson(request, sandbox.config) }],
};
