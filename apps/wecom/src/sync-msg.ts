import type { WecomEnv } from './env.ts';
import { callKfApi } from './kf-api.ts';

/** One page of `sync_msg`, or why there is none. */
export type SyncPage =
  /** The page: its raw items (mapped by `toEnvelope`), where to continue, and whether to. */
  | { kind: 'page'; items: unknown[]; nextCursor: string; hasMore: boolean }
  | { kind: 'retry'; reason: string }
  | { kind: 'refused'; reason: string };

/** The default and the maximum page size (protocols §5.4). */
export const SYNC_LIMIT = 1000;

/**
 * Pull one page: `POST /cgi-bin/kf/sync_msg` with `{cursor, token, limit, open_kfid}` (protocols
 * §5.4, CONFIRMED). No cursor means "from the earliest message of the last 3 days"; `token` is the
 * callback's Token (valid 10 min), which relaxes the rate limit and may be left out.
 */
export async function syncMsg(env: WecomEnv, request: { openKfId: string; cursor?: string; token?: string }): Promise<SyncPage> {
  const body = {
    ...(request.cursor ? { cursor: request.cursor } : {}),
    ...(request.token ? { token: request.token } : {}),
    limit: SYNC_LIMIT,
    open_kfid: request.openKfId,
  };
  const answer = await callKfApi(env, '/cgi-bin/kf/sync_msg', body);
  if (answer.kind !== 'ok') return answer;
  const { next_cursor: nextCursor, has_more: hasMore, msg_list: items = [] } = answer.body;
  if (!Array.isArray(items) || (nextCursor !== undefined && typeof nextCursor !== 'string') || (hasMore !== undefined && hasMore !== 0 && hasMore !== 1)) {
    return { kind: 'retry', reason: 'sync_msg answer does not have the documented shape (msg_list, next_cursor, has_more)' };
  }
  return { kind: 'page', items, nextCursor: nextCursor ?? '', hasMore: hasMore === 1 };
}
