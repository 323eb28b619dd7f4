import { accessToken } from './access-token.ts';
import { wecomConfig, type WecomEnv } from './env.ts';
import { describeError, errcodeOf, RETRY_ERRCODES, TOKEN_ERRCODES } from './errcodes.ts';
import { postJson } from './http.ts';

/** How a call to the 微信客服 API went. */
export type KfAnswer =
  /** errcode 0: the answer's fields. */
  | { kind: 'ok'; body: Record<string, unknown> }
  /** Temporary (network, 5xx, busy, rate limit, a token that keeps failing): retry with backoff. */
  | { kind: 'retry'; reason: string }
  /** WeCom refused for good: the reason carries its errcode and errmsg. */
  | { kind: 'refused'; reason: string };

/**
 * POST `{WECOM_API_BASE}{path}?access_token=…` with a JSON body. An invalid or expired token
 * (40014/42001/40001) drops the cached token, fetches a new one and tries once more.
 */
export async function callKfApi(env: WecomEnv, path: string, body: unknown): Promise<KfAnswer> {
  const { apiBase } = wecomConfig(env);
  let rejected: string | undefined;
  for (let attempt = 0; attempt < 2; attempt++) {
    const token = await accessToken(env, rejected);
    if (token.kind !== 'token') return token;
    const answer = await postJson(`${apiBase}${path}?access_token=${encodeURIComponent(token.token)}`, body);
    if (answer.kind !== 'json') return answer;
    const errcode = errcodeOf(answer.body);
    if (errcode === 0) return { kind: 'ok', body: answer.body };
    const reason = `${path} ${describeError(answer.body)}`;
    if (TOKEN_ERRCODES.has(errcode)) {
      rejected = token.token;
      continue;
    }
    return RETRY_ERRCODES.has(errcode) ? { kind: 'retry', reason } : { kind: 'refused', reason };
  }
  return { kind: 'retry', reason: `${path}: a freshly fetched access_token was rejected too` };
}
