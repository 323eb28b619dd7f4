import { parseSlackAction, verifyClaim, verifySlackRequest } from '@kefu/notify';
import type { Hono } from 'hono';
import { html } from 'hono/html';
import type { RuntimeEnv } from '../env.ts';
import { claimConversation, type ClaimResult } from '../notify/claim.ts';
import { HttpError } from './http-error.ts';

/**
 * How a person takes a conversation over from a team channel:
 *   GET  /claim?ref&exp&t        a confirm page (chat apps prefetch links: a GET must not claim)
 *   POST /claim                  the signed claim (HMAC token with expiry), then the bot is quiet
 *   POST /slack/interactions     Slack's 认领 button (v0 signature, 5-minute replay window)
 */
export function mountClaimRoutes<E extends RuntimeEnv & object>(app: Hono<{ Bindings: E }>): void {
  app.get('/claim', (c) => {
    const env = c.env as E;
    const { ref = '', exp = '', t = '' } = c.req.query();
    checkToken(env, ref, exp, t);
    return c.html(page('认领会话', html`<p>认领后，机器人会在这个会话里保持安静，由你来回复买家。</p>
      <form method="post" action="/claim"><input type="hidden" name="ref" value="${ref}"><input type="hidden" name="exp" value="${exp}"><input type="hidden" name="t" value="${t}">
      <label>你的名字 <input name="by" maxlength="40" placeholder="客服小王"></label> <button type="submit">认领</button></form>`));
  });

  app.post('/claim', async (c) => {
    const env = c.env as E;
    const form = await c.req.parseBody();
    const field = (name: string) => (typeof form[name] === 'string' ? (form[name] as string) : '');
    checkToken(env, field('ref'), field('exp'), field('t'));
    const result = await claimConversation(env, field('ref'), field('by').trim().slice(0, 40) || '团队成员', Date.now());
    return c.html(page('认领会话', html`<p>${describe(result)}</p>`), result.kind === 'invalid' ? 400 : 200);
  });

  app.post('/slack/interactions', async (c) => {
    const env = c.env as E;
    if (!env.SLACK_SIGNING_SECRET) throw new HttpError(404, 'not_found', 'Slack interactivity is off (no SLACK_SIGNING_SECRET)');
    const raw = await c.req.text();
    const verdict = verifySlackRequest(env.SLACK_SIGNING_SECRET, c.req.header('x-slack-request-timestamp'), c.req.header('x-slack-signature'), raw, Date.now());
    if (verdict.kind === 'rejected') throw new HttpError(401, 'bad_signature', verdict.reason);
    const action = parseSlackAction(raw);
    if (action.kind === 'malformed') throw new HttpError(400, 'malformed_body', action.reason);
    if (action.kind === 'ignored') return c.body(null, 200);
    const result = await claimConversation(env, action.escalationId, `slack:${action.userName ?? action.userId}`, Date.now());
    if (action.responseUrl) {
      const text = result.kind === 'claimed' ? `✅ <@${action.userId}> 已认领，机器人在此会话中保持安静` : describe(result);
      c.executionCtx.waitUntil(fetch(action.responseUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ replace_original: false, text }) }).catch((e: unknown) => console.error('slack response_url', e)));
    }
    return c.body(null, 200);
  });
}

function checkToken(env: RuntimeEnv, ref: string, exp: string, token: string): void {
  if (!env.CLAIM_SECRET) throw new HttpError(404, 'not_found', 'claim links are off (no CLAIM_SECRET)');
  const verdict = verifyClaim(env.CLAIM_SECRET, ref, Number(exp), token, Date.now());
  if (verdict.kind === 'rejected') throw new HttpError(verdict.reason === 'expired' ? 410 : 403, `claim_${verdict.reason}`, verdict.reason === 'expired' ? '认领链接已过期，请在团队群里查看最新通知' : '认领链接无效');
}

function describe(result: ClaimResult): string {
  if (result.kind === 'claimed') return '已认领：机器人会在这个会话里保持安静，请尽快回复买家。';
  if (result.kind === 'already') return `这个会话已经有人认领了${result.by ? `（${result.by}）` : ''}。`;
  return '认领链接无效。';
}

function page(title: string, body: ReturnType<typeof html>) {
  return html`<!doctype html><html lang="zh-CN"><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${title}</title>
    <body style="font:16px system-ui;max-width:32rem;margin:2rem auto;padding:0 1rem"><h1>${title}</h1>${body}</body></html>`;
}
