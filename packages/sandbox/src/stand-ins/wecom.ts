import type { Reply, Route, SandboxRequest, SandboxState, StandIn } from '../server/types.ts';
import { sendMsg, sendMsgOnEvent, syncMsg } from './wecom-kf.ts';
import { getToken, tokenError } from './wecom-tokens.ts';

type Handler = (request: SandboxRequest, sandbox: SandboxState, now: number) => Reply;

/** A kf API: token check (and any scripted expiry) first, then the endpoint. */
const kf = (api: string, handle: Handler): Route => ({
  method: 'POST',
  path: `/cgi-bin/kf/${api}`,
  channel: `wecom:${api}`,
  handle: (request, sandbox) => tokenError(request, sandbox, api, Date.now()) ?? handle(request, sandbox, Date.now()),
});

/**
 * 企业微信 微信客服 at its real paths (only the host differs): gettoken checks corpid/corpsecret;
 * sync_msg serves what tests queue in `wecom:<open_kfid>` with a working cursor (next_cursor,
 * has_more, limit); send_msg and send_msg_on_event check the token, required fields, msgid format
 * and the 2048-byte text limit, and send_msg_on_event only takes a welcome_code sync_msg handed out
 * within 20 s, once. Every answer is HTTP 200 with errcode/errmsg, like WeCom's.
 */
export const wecom: StandIn = {
  name: 'wecom',
  routes: [
    { method: 'GET', path: '/cgi-bin/gettoken', channel: 'wecom:gettoken', handle: (request, sandbox) => getToken(request, sandbox, Date.now()) },
    kf('sync_msg', syncMsg),
    kf('send_msg', sendMsg),
    kf('send_msg_on_event', sendMsgOnEvent),
  ],
  baseUrlVars: ['WECOM_API_BASE'],
  // Made up for local runs; the real ones come from the WeCom admin console (see apps/wecom/README.md).
  credentials: {
    WECOM_CORP_ID: 'wwkefu0sandbox01',
    WECOM_SECRET: 'sandbox-wecom-kf-secret-5e6f7a8b',
    WECOM_TOKEN: 'sandboxWecomToken3c4d',
    WECOM_ENCODING_AES_KEY: 'kefuLocalWecomSandboxAesKey0123456789abcdef',
  },
};
