import { dingtalkSign, safeEqual } from '@kefu/wire';
import type { Reply, SandboxRequest, SandboxState, StandIn } from '../server/types.ts';

/**
 * Made-up robot credentials (never real ones). With DINGTALK_TEST_ACCESS_TOKEN configured only that
 * token exists; with DINGTALK_TEST_SECRET configured every send must be signed (加签) with it.
 */
const credentials = { DINGTALK_TEST_ACCESS_TOKEN: 'dt-sandbox-robot-0001', DINGTALK_TEST_SECRET: 'SECsandbox0dingtalk0robot0signing0secret0000000000000000000000000' };

/** 20 messages a minute per robot; past that the robot is blocked for 10 minutes (protocols §6.1; the block is PARTIAL). */
export const DINGTALK_PER_MINUTE = 20;
export const DINGTALK_BLOCK_MS = 10 * 60_000;
/** The signed timestamp may be at most an hour off (CONFIRMED: DingtalkChatbot `chatbot.py` comment). */
const MAX_SKEW_MS = 3_600_000;
const MSGTYPES: Record<string, string[]> = { text: ['content'], markdown: ['title', 'text'], actionCard: ['title', 'text'], link: ['title', 'text', 'messageUrl'], feedCard: ['links'] };

type Robot = { sent: number[]; blockedUntil: number };
const robots = new WeakMap<SandboxState, Map<string, Robot>>();

function robotOf(sandbox: SandboxState, token: string): Robot {
  const map = robots.get(sandbox) ?? (robots.set(sandbox, new Map()).get(sandbox) as Map<string, Robot>);
  return map.get(token) ?? (map.set(token, { sent: [], blockedUntil: 0 }).get(token) as Robot);
}

/** Every answer is HTTP 200 with errcode/errmsg (PARTIAL: third-party tests against the real robot). */
const answer = (errcode: number, errmsg: string): Reply => ({ json: { errcode, errmsg } });

/**
 * The errcodes are PARTIAL (third-party SDK comments and tests): 40035 missing access_token,
 * 300001 "token is not exist", 310000 for a bad or stale sign, 130101 "send too fast". DingTalk's
 * code for a malformed body is UNCONFIRMED; the sandbox answers 40035 with a `sandbox:` message.
 */
function send(request: SandboxRequest, sandbox: SandboxState): Reply {
  const token = request.query.access_token;
  if (!token) return answer(40035, '缺少参数 access_token');
  const known = sandbox.config.DINGTALK_TEST_ACCESS_TOKEN;
  if (known && token !== known) return answer(300001, 'token is not exist');
  const secret = sandbox.config.DINGTALK_TEST_SECRET;
  if (secret) {
    const { timestamp = '', sign = '' } = request.query;
    const ms = Number(timestamp);
    if (!/^\d{13}$/.test(timestamp) || Math.abs(request.at - ms) > MAX_SKEW_MS) return answer(310000, 'invalid timestamp');
    if (!safeEqual(sign, dingtalkSign(secret, ms))) return answer(310000, 'sign not match');
  }
  const body = (typeof request.parsed === 'object' && request.parsed !== null ? request.parsed : {}) as Record<string, unknown>;
  const msgtype = typeof body.msgtype === 'string' ? body.msgtype : '';
  const fields = MSGTYPES[msgtype];
  if (!fields) return answer(40035, `sandbox: unknown msgtype ${JSON.stringify(msgtype)}`);
  const part = (body[msgtype] ?? {}) as Record<string, unknown>;
  const missing = fields.filter((f) => part[f] === undefined || part[f] === '');
  if (missing.length > 0) return answer(40035, `sandbox: missing ${msgtype}.${missing.join(`, ${msgtype}.`)}`);
  const robot = robotOf(sandbox, token);
  robot.sent = robot.sent.filter((t) => request.at - t < 60_000);
  if (request.at < robot.blockedUntil || robot.sent.length >= DINGTALK_PER_MINUTE) {
    if (request.at >= robot.blockedUntil) robot.blockedUntil = request.at + DINGTALK_BLOCK_MS;
    return answer(130101, 'send too fast, exceed 20 times per minute');
  }
  robot.sent.push(request.at);
  return answer(0, 'ok');
}

/**
 * The DingTalk custom robot (钉钉自定义机器人) at its real path, `POST /robot/send?access_token=…`,
 * recorded as `dingtalk:<token>`: it checks the token, the 加签 timestamp and sign when a secret is
 * configured, the msgtype's required fields, and 20 sends a minute per token.
 */
export const dingtalk: StandIn = {
  name: 'dingtalk',
  credentials,
  baseUrlVars: [],
  routes: [{ method: 'POST', path: '/robot/send', channel: (request) => `dingtalk:${request.query.access_token ?? ''}`, handle: send }],
};

/** The robot URL a local TEAM_CHANNELS entry uses (`type: 'dingtalk'`, `secret`: DINGTALK_TEST_SECRET). */
export const dingtalkRobotUrl = (sandboxUrl: string, token = credentials.DINGTALK_TEST_ACCESS_TOKEN) => `${sandboxUrl}/robot/send?access_token=${token}`;
