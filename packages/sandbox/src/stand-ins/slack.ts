import type { Reply, SandboxRequest, SandboxState, StandIn } from '../server/types.ts';

/**
 * Made-up Slack credentials. SLACK_TEST_WEBHOOK_PATH is the incoming webhook's secret path tail
 * (`T…/B…/…`): when configured, only that hook exists. SLACK_TEST_SIGNING_SECRET is for the local
 * worker's interactivity endpoint (`verifySlackRequest`); the incoming webhook itself is unsigned.
 */
const credentials = { SLACK_TEST_WEBHOOK_PATH: 'T0SANDBOX/B0SANDBOX/sandboxSlackHookToken0001', SLACK_TEST_SIGNING_SECRET: 'sandbox-slack-signing-secret-0001' };

/**
 * About one message a second with short bursts (CONFIRMED: api.slack.com/docs/rate-limits). The
 * burst size is UNCONFIRMED: a bucket of 10 refilled at 1/s, answering 429 with Retry-After.
 */
export const SLACK_BURST = 10;
const REFILL_PER_MS = 1 / 1000;
const MAX_BLOCKS = 50;

type Bucket = { tokens: number; at: number };
const buckets = new WeakMap<SandboxState, Map<string, Bucket>>();

function take(sandbox: SandboxState, hook: string, now: number): boolean {
  const map = buckets.get(sandbox) ?? (buckets.set(sandbox, new Map()).get(sandbox) as Map<string, Bucket>);
  const bucket = map.get(hook) ?? { tokens: SLACK_BURST, at: now };
  bucket.tokens = Math.min(SLACK_BURST, bucket.tokens + (now - bucket.at) * REFILL_PER_MS);
  bucket.at = now;
  map.set(hook, bucket);
  if (bucket.tokens < 1) return false;
  bucket.tokens -= 1;
  return true;
}

/**
 * Plain-text answers by status, as incoming webhooks give them: 200 `ok` (UNCONFIRMED text),
 * 400 invalid_payload / no_text, 404 no_service (PARTIAL: Slack's "Handling errors" list as quoted
 * in issue threads), 429 rate_limited (UNCONFIRMED body). `invalid_blocks` for over 50 blocks is UNCONFIRMED.
 */
const answer = (status: number, text: string, headers?: Record<string, string>): Reply => ({ status, text, headers: { 'content-type': 'text/html', ...headers } });

function post(request: SandboxRequest, sandbox: SandboxState): Reply {
  const hook = request.path.replace(/^\/services\//, '');
  const known = sandbox.config.SLACK_TEST_WEBHOOK_PATH;
  if (known && hook !== known) return answer(404, 'no_service');
  const body = request.parsed;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return answer(400, 'invalid_payload');
  const { text, blocks } = body as { text?: unknown; blocks?: unknown };
  if (blocks !== undefined && !Array.isArray(blocks)) return answer(400, 'invalid_blocks');
  if (Array.isArray(blocks) && blocks.length > MAX_BLOCKS) return answer(400, 'invalid_blocks');
  if ((typeof text !== 'string' || text === '') && !(Array.isArray(blocks) && blocks.length > 0)) return answer(400, 'no_text');
  if (!take(sandbox, hook, request.at)) return answer(429, 'rate_limited', { 'retry-after': '1' });
  return answer(200, 'ok');
}

/**
 * A Slack incoming webhook at its real path shape, `POST /services/<T>/<B>/<token>`, recorded as
 * `slack:<T>/<B>/<token>`: it checks the hook, that the JSON has text or blocks (≤ 50), and about
 * one message a second with bursts of 10 tolerated.
 */
export const slack: StandIn = {
  name: 'slack',
  credentials,
  baseUrlVars: [],
  routes: [{ method: 'POST', path: /^\/services\/[\w-]+\/[\w-]+\/[\w-]+$/, channel: (request) => `slack:${request.path.replace(/^\/services\//, '')}`, handle: post }],
};

/** The incoming-webhook URL a local TEAM_CHANNELS entry uses (`type: 'slack'`). */
export const slackWebhookUrl = (sandboxUrl: string, path = credentials.SLACK_TEST_WEBHOOK_PATH) => `${sandboxUrl}/services/${path}`;
