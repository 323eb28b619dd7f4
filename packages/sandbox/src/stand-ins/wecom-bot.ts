import type { Reply, SandboxRequest, SandboxState, StandIn } from '../server/types.ts';

/** A made-up group-robot key; with it configured, only that robot exists. The key is the only secret: no signature. */
const credentials = { WECOM_BOT_TEST_KEY: '0b5e1a2c-5a4d-4b0c-8e1f-sandbox00001' };

/** 20 messages a minute per robot (CONFIRMED: protocols §6.3). */
export const WECOM_BOT_PER_MINUTE = 20;
/** Content limits in UTF-8 bytes (CONFIRMED: silenceper/wechat `work/robot/send_option.go`). */
const CONTENT_MAX: Record<string, number> = { text: 2048, markdown: 4096 };
const OTHER_TYPES = new Set(['image', 'news', 'file', 'voice', 'template_card', 'markdown_v2']);

const sent = new WeakMap<SandboxState, Map<string, number[]>>();

/**
 * HTTP 200 `{errcode, errmsg}` always. 93000 "invalid webhook url" (PARTIAL: third-party tests),
 * 40058 "… exceed max length" (PARTIAL: errmsgs quoted by third-party code), 45009 "api freq out
 * of limit" (PARTIAL: protocols §6.3 calls the code UNCONFIRMED; third-party clients see it).
 * The codes for a bad body or msgtype are UNCONFIRMED: 40008 / 40058 with a `sandbox:` message.
 */
const answer = (errcode: number, errmsg: string): Reply => ({ json: { errcode, errmsg } });

function send(request: SandboxRequest, sandbox: SandboxState): Reply {
  const key = request.query.key ?? '';
  const known = sandbox.config.WECOM_BOT_TEST_KEY;
  if (!key || (known && key !== known)) return answer(93000, 'invalid webhook url, hint: [sandbox]');
  const body = request.parsed;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return answer(40058, 'sandbox: body is not a JSON object');
  const fields = body as Record<string, unknown>;
  const msgtype = String(fields.msgtype);
  const max = CONTENT_MAX[msgtype];
  if (max === undefined && !OTHER_TYPES.has(msgtype)) return answer(40008, `sandbox: invalid message type ${JSON.stringify(fields.msgtype)}`);
  if (max !== undefined) {
    const content = (fields[msgtype] as { content?: unknown } | undefined)?.content;
    if (typeof content !== 'string' || content === '') return answer(40058, `sandbox: ${msgtype}.content missing`);
    if (Buffer.byteLength(content, 'utf8') > max) return answer(40058, `${msgtype}.content exceed max length ${max}`);
  }
  const map = sent.get(sandbox) ?? (sent.set(sandbox, new Map()).get(sandbox) as Map<string, number[]>);
  const times = (map.get(key) ?? []).filter((t) => request.at - t < 60_000);
  map.set(key, times);
  if (times.length >= WECOM_BOT_PER_MINUTE) return answer(45009, 'api freq out of limit');
  times.push(request.at);
  return answer(0, 'ok');
}

/**
 * The WeCom group robot (企业微信群机器人) at its real path, `POST /cgi-bin/webhook/send?key=…`,
 * recorded as `wecom-bot:<key>`. It sits beside the 微信客服 stand-in (`/cgi-bin/kf/*`), which it
 * does not touch: it checks the key, msgtype, content byte limits and 20 sends a minute per key.
 */
export const wecomBot: StandIn = {
  name: 'wecom-bot',
  credentials,
  baseUrlVars: [],
  routes: [{ method: 'POST', path: '/cgi-bin/webhook/send', channel: (request) => `wecom-bot:${request.query.key ?? ''}`, handle: send }],
};

/** The robot URL a local TEAM_CHANNELS entry uses (`type: 'wecom'`). */
export const wecomBotUrl = (sandboxUrl: string, key = credentials.WECOM_BOT_TEST_KEY) => `${sandboxUrl}/cgi-bin/webhook/send?key=${key}`;
