import type { Reply, SandboxRequest, StandIn } from '../server/types.ts';

/**
 * Made-up local credentials. The 抖店 pair is the protocols §8 vector's, so the documented
 * event-sign vector verifies against the local worker as is.
 */
const credentials: Record<string, string> = {
  DOUDIAN_APP_KEY: '7000000000000000001',
  DOUDIAN_APP_SECRET: 'doudian-secret',
  DOUYIN_CLIENT_KEY: 'awsandboxclientkey',
  DOUYIN_CLIENT_SECRET: 'douyin-sandbox-client-secret',
  DOUYIN_ACCESS_TOKEN: 'act.sandbox-douyin-access-token',
};

let sent = 0;

/**
 * The 抖音开放平台 IM send API, `POST /im/send/msg/?open_id=` (fudiwei
 * DouyinOpenClientExecuteIMExtensions.cs), recorded as `douyin:im_send`. It checks what the
 * platform checks: the `access-token` header, `open_id`, the recipient, a text body, and the
 * `msg_id` + `conversation_id` a reply needs. Errors come back as the platform sends them: HTTP 200
 * with non-zero `data.error_code` / `extra.error_code` (DouyinOpenResponse.cs), so a worker that
 * only looks at the status is caught here.
 */
export const douyin: StandIn = {
  name: 'douyin',
  credentials,
  baseUrlVars: ['DOUYIN_OPEN_API_BASE'],
  routes: [{ method: 'POST', path: '/im/send/msg/', channel: 'douyin:im_send', handle: (request, sandbox) => imSend(request, sandbox.config) }],
};

function imSend(request: SandboxRequest, config: Record<string, string>): Reply {
  if (request.headers['access-token'] !== config.DOUYIN_ACCESS_TOKEN) return failure(2190002, 'access_token无效');
  if (!request.query.open_id) return failure(2100005, '参数不合法: open_id');
  const body = request.parsed;
  if (!isRecord(body)) return failure(2100005, '参数不合法: body is not JSON');
  if (typeof body.to_user_id !== 'string' || !body.to_user_id) return failure(2100005, '参数不合法: to_user_id');
  const scene = typeof body.scene === 'string' ? body.scene : '';
  // Proactive scenes (B2B, authorised 主动私信) send `content_list`; replies need the message they answer.
  const proactive = scene === 'im_b2b_direct_message' || scene === 'im_authorize_message';
  if (!proactive && (typeof body.msg_id !== 'string' || !body.msg_id || typeof body.conversation_id !== 'string' || !body.conversation_id)) {
    return failure(2100005, '参数不合法: msg_id and conversation_id are required');
  }
  const contents = proactive ? body.content_list : [body.content];
  if (!Array.isArray(contents) || contents.length === 0 || !contents.every(validContent)) return failure(2100005, '参数不合法: content');
  sent += 1;
  const msgId = `@sandbox-${sent}`;
  return { json: { data: { error_code: 0, description: '' }, extra: extra(0, ''), msg_id: msgId } };
}

/** A content block: text (`msg_type` 1) must carry non-empty `text.text`. */
function validContent(content: unknown): boolean {
  if (!isRecord(content) || typeof content.msg_type !== 'number') return false;
  if (content.msg_type !== 1) return true;
  return isRecord(content.text) && typeof content.text.text === 'string' && content.text.text.length > 0;
}

function failure(code: number, description: string): Reply {
  return { json: { data: { error_code: code, description }, extra: extra(code, description) } };
}

function extra(code: number, description: string) {
  return { error_code: code, description, sub_error_code: 0, sub_description: '', logid: `sandbox-${Date.now()}`, now: Date.now() };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
