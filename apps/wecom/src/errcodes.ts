/**
 * How we treat WeCom `errcode`s (global codes: https://developer.work.weixin.qq.com/document/path/90455).
 * Anything not listed here is a permanent refusal (e.g. the session state forbids sending, bad
 * recipient), reported with its errcode and errmsg.
 */

/** The access_token is invalid or expired: drop the cached one, fetch a new one, try once more. */
export const TOKEN_ERRCODES: ReadonlySet<number> = new Set([
  40014, // 不合法的access_token (CONFIRMED, doc 90455)
  42001, // access_token已过期 (PARTIAL: WeChat-family docs and community threads)
  40001, // invalid credential: for a call with a token, the token is not the latest (PARTIAL)
]);

/** Temporary on WeCom's side: retry with backoff. */
export const RETRY_ERRCODES: ReadonlySet<number> = new Set([
  -1, // 系统繁忙, "建议稍候重试" (CONFIRMED, doc 90455)
  45009, // api freq out of limit (PARTIAL: developers.weixin.qq.com community)
  45033, // api concurrent out of limit (UNCONFIRMED)
]);

/** Read `errcode` from a WeCom JSON answer; a success answer may leave it out. */
export function errcodeOf(body: Record<string, unknown>): number {
  return typeof body.errcode === 'number' ? body.errcode : 0;
}

/** `errcode N: errmsg` for logs and dead letters (errmsg carries no buyer data). */
export function describeError(body: Record<string, unknown>): string {
  const message = typeof body.errmsg === 'string' ? body.errmsg.slice(0, 200) : '';
  return `errcode ${errcodeOf(body)}: ${message}`;
}
