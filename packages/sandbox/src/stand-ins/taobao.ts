import type { Reply, Route, SandboxRequest, SandboxState, StandIn } from '../server/types.ts';
import { checkTopRequest, TOP_ERRORS, topError, topParams } from './taobao-top.ts';
import { confirm, consume, scriptedError } from './taobao-tmc.ts';

/** Every TOP method shares one path; requests are recorded (and faulted) as `taobao:<endpoint>` by method. */
const ROUTER_CHANNEL = 'taobao:router_rest';

/** The methods the stand-in plays, and the channel each is recorded under. */
const METHODS: Record<string, { channel: string; handle: (sandbox: SandboxState, params: Record<string, string>, now: number) => Reply }> = {
  'taobao.tmc.messages.consume': { channel: 'taobao:tmc_consume', handle: consume },
  'taobao.tmc.messages.confirm': { channel: 'taobao:tmc_confirm', handle: confirm },
};

function handle(request: SandboxRequest, sandbox: SandboxState): Reply {
  const params = topParams(request);
  const method = METHODS[params.method ?? ''];
  const rejected = checkTopRequest(params, sandbox.config, Date.now());
  if (rejected) return rejected;
  if (!method) return topError(TOP_ERRORS.invalidMethod);
  return scriptedError(sandbox, params.method ?? '') ?? method.handle(sandbox, params, Date.now());
}

const channelOf = (request: SandboxRequest) => METHODS[topParams(request).method ?? '']?.channel ?? ROUTER_CHANNEL;
const router = (httpMethod: Route['method']): Route => ({ method: httpMethod, path: '/router/rest', channel: channelOf, handle });

/**
 * The Taobao open platform (TOP, 淘宝开放平台) gateway at its real path `/router/rest`: it checks
 * app_key, timestamp, version and the signature (md5, hmac, hmac-sha256) like TOP and answers
 * `error_response` the TOP way; it plays TMC's HTTP pull (`taobao.tmc.messages.consume` serves
 * what tests queue in the `taobao:tmc` inbox, redelivers what is not confirmed in time;
 * `taobao.tmc.messages.confirm` takes ids off). Faults apply per method channel.
 */
export const taobao: StandIn = {
  name: 'taobao',
  routes: [router('POST'), router('GET')],
  baseUrlVars: ['TAOBAO_API_BASE'],
  // Made up for local runs; a real app key and secret come from the TOP console.
  credentials: { TAOBAO_APP_KEY: '21000001', TAOBAO_APP_SECRET: 'sandbox-top-secret-0c1d2e3f' },
};
