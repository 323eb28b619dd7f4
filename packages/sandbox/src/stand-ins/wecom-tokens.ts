import { randomBytes } from 'node:crypto';
import type { Reply, SandboxRequest, SandboxState } from '../server/types.ts';

/**
 * Where tests script an expired access_token: `POST /__sandbox/inbox/wecom:expire_token` with
 * `[{api: 'send_msg', touser: 'buyer-1'}]`. The next call to that API whose JSON body matches every
 * other field given expires every token issued so far and is answered 42001, as WeCom does when a
 * token dies while a worker still holds it.
 */
export const EXPIRE_TOKEN_INBOX = 'wecom:expire_token';

/** What gettoken reports; WeCom says 7200 s "正常情况下" (the exact TTL is UNCONFIRMED, protocols §10). */
export const TOKEN_TTL_S = 7200;

type Book = { current?: { token: string; expiresAt: number }; expired: Set<string>; live: Set<string> };
const books = new WeakMap<SandboxState, Book>();

function bookOf(sandbox: SandboxState): Book {
  let book = books.get(sandbox);
  if (!book) books.set(sandbox, (book = { expired: new Set(), live: new Set() }));
  return book;
}

/** A WeCom error answer: always HTTP 200 with errcode/errmsg in the body. */
export const wecomError = (errcode: number, errmsg: string): Reply => ({ json: { errcode, errmsg } });

/**
 * `GET /cgi-bin/gettoken?corpid&corpsecret`. While a token is valid WeCom hands out the same one
 * again (so concurrent workers agree); after it expired, a new one.
 */
export function getToken(request: SandboxRequest, sandbox: SandboxState, now: number): Reply {
  const { corpid, corpsecret } = request.query;
  if (!corpid) return wecomError(41002, 'corpid missing');
  if (corpid !== sandbox.config.WECOM_CORP_ID) return wecomError(40013, 'invalid corpid');
  if (!corpsecret) return wecomError(41004, 'corpsecret missing');
  if (corpsecret !== sandbox.config.WECOM_SECRET) return wecomError(40001, 'invalid credential');
  const book = bookOf(sandbox);
  if (!book.current || book.current.expiresAt <= now || book.expired.has(book.current.token)) {
    book.current = { token: randomBytes(24).toString('base64url'), expiresAt: now + TOKEN_TTL_S * 1000 };
    book.live.add(book.current.token);
  }
  return { json: { errcode: 0, errmsg: 'ok', access_token: book.current.token, expires_in: Math.round((book.current.expiresAt - now) / 1000) } };
}

/** The token check every kf API does first (after any scripted expiry for this call): undefined when fine. */
export function tokenError(request: SandboxRequest, sandbox: SandboxState, api: string, now: number): Reply | undefined {
  const book = bookOf(sandbox);
  if (scriptedExpiry(sandbox, api, request.parsed)) {
    for (const token of book.live) book.expired.add(token);
    book.live.clear();
  }
  const token = request.query.access_token;
  if (!token) return wecomError(41001, 'access_token missing');
  if (book.expired.has(token) || (book.current?.token === token && book.current.expiresAt <= now)) return wecomError(42001, 'access_token expired');
  if (!book.live.has(token)) return wecomError(40014, 'invalid access_token');
  return undefined;
}

function scriptedExpiry(sandbox: SandboxState, api: string, body: unknown): boolean {
  const queue = sandbox.inbox(EXPIRE_TOKEN_INBOX);
  const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const index = queue.findIndex((item) => {
    const { api: wanted, ...match } = item as Record<string, unknown>;
    return wanted === api && Object.entries(match).every(([k, v]) => fields[k] === v);
  });
  if (index < 0) return false;
  queue.splice(index, 1);
  return true;
}
