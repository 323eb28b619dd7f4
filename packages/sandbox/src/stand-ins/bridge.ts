import { doudianBridgeSigner, josBridgeSigner, pddBridgeSigner, safeEqual, topBridgeSigner, type BridgeSigner } from '@kefu/wire';
import type { StandIn } from '../server/types.ts';

/** Which signer and credential names each platform's bridge uses (docs/chat-bridge.md). */
const BRIDGES: Record<string, { signer: BridgeSigner; appKey: string; secret: string }> = {
  taobao: { signer: topBridgeSigner, appKey: 'TAOBAO_BRIDGE_APP_KEY', secret: 'TAOBAO_BRIDGE_SECRET' },
  pinduoduo: { signer: pddBridgeSigner, appKey: 'PDD_BRIDGE_CLIENT_ID', secret: 'PDD_BRIDGE_SECRET' },
  jd: { signer: josBridgeSigner, appKey: 'JD_BRIDGE_APP_KEY', secret: 'JD_BRIDGE_SECRET' },
  douyin: { signer: doudianBridgeSigner, appKey: 'DOUYIN_BRIDGE_APP_KEY', secret: 'DOUYIN_BRIDGE_SECRET' },
};

/** Local bridge credentials (made up; a real bridge issues its own). */
const credentials: Record<string, string> = {
  TAOBAO_BRIDGE_APP_KEY: 'tb-bridge-app', TAOBAO_BRIDGE_SECRET: 'tb-bridge-secret',
  PDD_BRIDGE_CLIENT_ID: 'pdd-bridge-client', PDD_BRIDGE_SECRET: 'pdd-bridge-secret',
  JD_BRIDGE_APP_KEY: 'jd-bridge-app', JD_BRIDGE_SECRET: 'jd-bridge-secret',
  DOUYIN_BRIDGE_APP_KEY: 'dy-bridge-app', DOUYIN_BRIDGE_SECRET: 'dy-bridge-secret',
};

/**
 * The chat bridge's send endpoint for every platform: `POST /bridge/<platform>/send`, recorded as
 * `bridge:<platform>`. It checks the platform-style signature the way a real bridge would, so a
 * worker that signs wrongly sees 401 here, not only in production.
 */
export const bridge: StandIn = {
  name: 'bridge',
  credentials,
  baseUrlVars: [],
  routes: Object.entries(BRIDGES).map(([platform, b]) => ({
    method: 'POST' as const,
    path: `/bridge/${platform}/send`,
    channel: `bridge:${platform}`,
    handle: (request, sandbox) => {
      const { sign = '', ...params } = request.query;
      const secret = sandbox.config[b.secret] ?? '';
      if (params[b.signer.appKeyParam] !== sandbox.config[b.appKey]) return { status: 401, json: { code: 401, msg: 'unknown app' } };
      if (!safeEqual(sign.toUpperCase(), b.signer.sign(params, request.body, secret).toUpperCase())) return { status: 401, json: { code: 401, msg: 'bad sign' } };
      return { json: { code: 0, msg: 'success' } };
    },
  })),
};

/** The bridge send URLs a local worker is pointed at (`BRIDGE_SEND_URL`). */
export const bridgeSendUrl = (sandboxUrl: string, platform: string) => `${sandboxUrl}/bridge/${platform}/send`;
