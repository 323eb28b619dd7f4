import { feishuSign, safeEqual } from '@kefu/wire';
import type { Reply, SandboxRequest, SandboxState, StandIn } from '../server/types.ts';

/**
 * Made-up custom-bot credentials. With FEISHU_TEST_HOOK_ID configured only that hook exists; with
 * FEISHU_TEST_SECRET configured every body must carry a valid `timestamp` + `sign` (签名校验).
 */
const credentials = { FEISHU_TEST_HOOK_ID: '5a0d5a1e-0000-4000-8000-f0e15e0b0001', FEISHU_TEST_SECRET: 'sandboxFeishuSigningSecret01' };

/** 100 a minute and 5 a second per bot; body ≤ 20 KB (CONFIRMED: Feishu custom-bot guide, protocols §6.2). */
export const FEISHU_PER_MINUTE = 100;
export const FEISHU_PER_SECOND = 5;
export const FEISHU_BODY_MAX = 20 * 1024;
const MAX_SKEW_S = 3600;
/** What each msg_type must carry (CONFIRMED: electricbubble/feishu-bot-api@0d8c9dcb `api.go` MessageBody / MessageBodyContent). */
const REQUIRED: Record<string, (body: Record<string, unknown>) => boolean> = {
  text: (b) => typeof (b.content as { text?: unknown } | undefined)?.text === 'string',
  post: (b) => typeof (b.content as { post?: unknown } | undefined)?.post === 'object',
  image: (b) => typeof (b.content as { image_key?: unknown } | undefined)?.image_key === 'string',
  share_chat: (b) => typeof (b.content as { share_chat_id?: unknown } | undefined)?.share_chat_id === 'string',
  interactive: (b) => typeof b.card === 'object' && b.card !== null,
};

const sent = new WeakMap<SandboxState, Map<string, number[]>>();

/**
 * Answers are HTTP 200 `{code, msg, data}`. 19021 for a bad sign or timestamp (PARTIAL, its msg
 * quoted from github.com/feiyu563/PrometheusAlert/issues/422), 9499 "Bad Request" (PARTIAL),
 * 11232 "frequency limited …" (code CONFIRMED by the guide, msg PARTIAL from third-party logs).
 * Feishu's answers to an unknown hook and an oversized body are UNCONFIRMED: 19001 and 9499 here.
 */
const answer = (code: number, msg: string): Reply => ({ json: { code, data: {}, msg } });

function hook(request: SandboxRequest, sandbox: SandboxState): Reply {
  const id = request.path.split('/').pop() ?? '';
  const known = sandbox.config.FEISHU_TEST_HOOK_ID;
  if (known && id !== known) return answer(19001, 'param invalid: incoming webhook access token invalid');
  if (Buffer.byteLength(request.body, 'utf8') > FEISHU_BODY_MAX) return answer(9499, `Bad Request: sandbox: body over ${FEISHU_BODY_MAX} bytes`);
  const body = request.parsed;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return answer(9499, 'Bad Request');
  const fields = body as Record<string, unknown>;
  const secret = sandbox.config.FEISHU_TEST_SECRET;
  if (secret) {
    const timestamp = Number(fields.timestamp);
    const fresh = Number.isSafeInteger(timestamp) && Math.abs(request.at / 1000 - timestamp) <= MAX_SKEW_S;
    if (!fresh || typeof fields.sign !== 'string' || !safeEqual(fields.sign, feishuSign(secret, timestamp))) {
      return answer(19021, 'sign match fail or timestamp is not within one hour from current time');
    }
  }
  const check = REQUIRED[String(fields.msg_type)];
  if (!check || !check(fields)) return answer(9499, `Bad Request: sandbox: msg_type ${JSON.stringify(fields.msg_type)} without its content`);
  const map = sent.get(sandbox) ?? (sent.set(sandbox, new Map()).get(sandbox) as Map<string, number[]>);
  const times = (map.get(id) ?? []).filter((t) => request.at - t < 60_000);
  map.set(id, times);
  if (times.length >= FEISHU_PER_MINUTE || times.filter((t) => request.at - t < 1000).length >= FEISHU_PER_SECOND) {
    return answer(11232, 'frequency limited psm[lark.oapi.app_platform_runtime]appID[sandbox]');
  }
  times.push(request.at);
  return answer(0, 'success');
}

/**
 * The Feishu/Lark custom bot (飞书自定义机器人) at its real path, `POST /open-apis/bot/v2/hook/<id>`,
 * recorded as `feishu:<id>`: it checks the hook id, the body's sign and timestamp when a secret is
 * configured, the 20 KB body limit, the msg_type's content, and 5/s + 100/min per hook.
 */
export const feishu: StandIn = {
  name: 'feishu',
  credentials,
  baseUrlVars: [],
  routes: [{ method: 'POST', path: /^\/open-apis\/bot\/v2\/hook\/[\w-]+$/, channel: (request) => `feishu:${request.path.split('/').pop() ?? ''}`, handle: hook }],
};

/** The hook URL a local TEAM_CHANNELS entry uses (`type: 'feishu'`, `secret`: FEISHU_TEST_SECRET). */
export const feishuHookUrl = (sandboxUrl: string, id = credentials.FEISHU_TEST_HOOK_ID) => `${sandboxUrl}/open-apis/bot/v2/hook/${id}`;
