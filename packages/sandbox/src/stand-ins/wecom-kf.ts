import { createHash, randomBytes } from 'node:crypto';
import type { Reply, SandboxRequest, SandboxState } from '../server/types.ts';
import { wecomError } from './wecom-tokens.ts';

/** Where tests queue what sync_msg hands out for one 客服账号: `POST /__sandbox/inbox/wecom:<open_kfid>`. */
export const inboxKey = (openKfId: string) => `wecom:${openKfId}`;

/** Documented limits (protocols §5.4–5.6; silenceper `work/kf/*`, CONFIRMED). */
const MAX_LIMIT = 1000;
const MAX_CURSOR_BYTES = 64;
const MAX_TOKEN_BYTES = 128;
const MAX_CONTENT_BYTES = 2048;
const MSGID = /^[0-9a-zA-Z_-]{1,32}$/;
const WELCOME_CODE_MS = 20_000;

// Errcodes below that WeCom's global list names (doc 90455): 40008 不合法的msgtype, 40035 不合法的参数,
// 47001 data format error. Where the real code for a case is not published (bad cursor, a spent or
// stale welcome_code) the sandbox answers 40035 with a message saying which check failed.

type Body = Record<string, unknown>;
const bodyOf = (request: SandboxRequest): Body | undefined =>
  typeof request.parsed === 'object' && request.parsed !== null && !Array.isArray(request.parsed) ? (request.parsed as Body) : undefined;
const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

/** welcome_codes handed out by sync_msg: when, and whether one was used (each works once, for 20 s). */
const welcomeCodes = new WeakMap<SandboxState, Map<string, { servedAt: number; used: boolean }>>();
function codesOf(sandbox: SandboxState) {
  let codes = welcomeCodes.get(sandbox);
  if (!codes) welcomeCodes.set(sandbox, (codes = new Map()));
  return codes;
}

// The cursor is opaque to the worker: a position, tied to the account it was issued for.
const accountTag = (openKfId: string) => createHash('sha1').update(openKfId).digest('hex').slice(0, 8);
const encodeCursor = (position: number, openKfId: string) => `${position.toString(36)}.${accountTag(openKfId)}`;
function decodeCursor(cursor: string, openKfId: string): number | undefined {
  const [position, tag] = cursor.split('.');
  if (!position || tag !== accountTag(openKfId) || !/^[0-9a-z]+$/.test(position)) return undefined;
  return parseInt(position, 36);
}

/** `POST /cgi-bin/kf/sync_msg`: pages through what tests queued for the account, with a real cursor. */
export function syncMsg(request: SandboxRequest, sandbox: SandboxState, now: number): Reply {
  const body = bodyOf(request);
  if (!body) return wecomError(47001, 'data format error: body is not a JSON object');
  const { open_kfid: openKfId, cursor, token, limit = MAX_LIMIT } = body;
  if (typeof openKfId !== 'string' || !openKfId) return wecomError(40035, 'invalid open_kfid (the sandbox serves one account per call)');
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) return wecomError(40035, `invalid limit: 1..${MAX_LIMIT}`);
  if (token !== undefined && (typeof token !== 'string' || bytes(token) > MAX_TOKEN_BYTES)) return wecomError(40035, `invalid token: a string of at most ${MAX_TOKEN_BYTES} bytes`);
  let from = 0;
  if (cursor !== undefined && cursor !== '') {
    const position = typeof cursor === 'string' && bytes(cursor) <= MAX_CURSOR_BYTES ? decodeCursor(cursor, openKfId) : undefined;
    if (position === undefined) return wecomError(40035, 'invalid cursor');
    from = position;
  }
  const queued = sandbox.inbox(inboxKey(openKfId));
  const page = queued.slice(from, from + limit);
  const next = from + page.length;
  for (const item of page) {
    const code = ((item as Body).event as Body | undefined)?.welcome_code;
    if (typeof code === 'string' && !codesOf(sandbox).has(code)) codesOf(sandbox).set(code, { servedAt: now, used: false });
  }
  return { json: { errcode: 0, errmsg: 'ok', next_cursor: encodeCursor(next, openKfId), has_more: next < queued.length ? 1 : 0, msg_list: page } };
}

/** `POST /cgi-bin/kf/send_msg`: checks recipient, account, msgid and the text like WeCom. */
export function sendMsg(request: SandboxRequest): Reply {
  const body = bodyOf(request);
  if (!body) return wecomError(47001, 'data format error: body is not a JSON object');
  if (typeof body.touser !== 'string' || !body.touser) return wecomError(40035, 'touser missing');
  if (typeof body.open_kfid !== 'string' || !body.open_kfid) return wecomError(40035, 'open_kfid missing');
  return textMessage(body);
}

/** `POST /cgi-bin/kf/send_msg_on_event`: the welcome_code must have been handed out, be under 20 s old, and unused. */
export function sendMsgOnEvent(request: SandboxRequest, sandbox: SandboxState, now: number): Reply {
  const body = bodyOf(request);
  if (!body) return wecomError(47001, 'data format error: body is not a JSON object');
  if (typeof body.code !== 'string' || !body.code) return wecomError(40035, 'code missing');
  const code = codesOf(sandbox).get(body.code);
  if (!code) return wecomError(40035, 'invalid code: never issued');
  if (code.used) return wecomError(40035, 'invalid code: already used');
  if (now - code.servedAt > WELCOME_CODE_MS) return wecomError(40035, 'invalid code: older than 20 s');
  const answer = textMessage(body);
  if ((answer.json as Body).errcode === 0) code.used = true;
  return answer;
}

function textMessage(body: Body): Reply {
  if (body.msgid !== undefined && (typeof body.msgid !== 'string' || !MSGID.test(body.msgid))) return wecomError(40035, 'invalid msgid: at most 32 of [0-9a-zA-Z_-]');
  if (body.msgtype !== 'text') return wecomError(40008, 'invalid message type (the sandbox plays text only)');
  const content = (body.text as Body | undefined)?.content;
  if (typeof content !== 'string' || !content) return wecomError(40035, 'text.content missing');
  if (bytes(content) > MAX_CONTENT_BYTES) return wecomError(45002, `content size out of limit: ${bytes(content)} > ${MAX_CONTENT_BYTES} bytes`);
  return { json: { errcode: 0, errmsg: 'ok', msgid: typeof body.msgid === 'string' ? body.msgid : randomBytes(12).toString('hex') } };
}
