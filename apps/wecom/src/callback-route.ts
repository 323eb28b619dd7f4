import type { Ack, Inbound, InboundRoute, Verdict, WebhookRequest } from '@kefu/runtime';
import { wecomConfig, type WecomEnv } from './env.ts';
import { decrypt, openCallback } from './open-callback.ts';
import { checkSignature, signedQuery } from './signature.ts';

/** WeCom wants HTTP 200 with an empty body (or `success`) within 5 s; anything else is retried. */
const ACK: Ack = { text: '' };

/** The event 微信客服 sends when there are messages or events to pull (protocols §5.2). */
const KF_EVENT = 'kf_msg_or_event';

/** open_kfid values are short ASCII ids (`wk…`); anything else is not from WeCom. */
const OPEN_KFID = /^[\w-]{1,64}$/;

/**
 * `/webhooks/wecom`: the 微信客服 callback URL. GET is the URL check (echo the decrypted echostr);
 * POST carries only a sync token, so it is acked at once and the messages are pulled afterwards by
 * the account's {@link KfCursor}.
 */
export const wecomCallback: InboundRoute<WecomEnv> = {
  path: '/webhooks/wecom',
  // A callback is a few hundred bytes; 64 KiB leaves room and bounds the XML parse.
  maxBodyBytes: 64 * 1024,

  async handshake(request: WebhookRequest, env: WecomEnv): Promise<Ack | Verdict> {
    const config = wecomConfig(env);
    const query = signedQuery(request.url.searchParams);
    if ('missing' in query) return { kind: 'rejected', reason: `query has no ${query.missing}` };
    // echostr is base64; a '+' that reached us unencoded was decoded as a space, which base64 never holds.
    const echostr = (request.url.searchParams.get('echostr') ?? '').replaceAll(' ', '+');
    if (!echostr) return { kind: 'rejected', reason: 'query has no echostr' };
    const verdict = checkSignature(config.token, query, echostr, Date.now());
    if (verdict.kind === 'rejected') return verdict;
    const opened = await decrypt(config, echostr);
    if (opened.kind !== 'plain') return { kind: 'rejected', reason: opened.reason };
    return { text: opened.text };
  },

  async verify(request: WebhookRequest, env: WecomEnv): Promise<Verdict> {
    const opened = await openCallback(request, wecomConfig(env), Date.now());
    // A malformed but authentic body passes here; parse() answers it with a 400.
    return opened.kind === 'rejected' ? opened : { kind: 'ok' };
  },

  async parse(request: WebhookRequest, env: WecomEnv): Promise<Inbound> {
    const opened = await openCallback(request, wecomConfig(env), Date.now());
    if (opened.kind !== 'opened') return { kind: 'malformed', reason: opened.reason };
    const { MsgType, Event, OpenKfId, Token } = opened.fields;
    if (!MsgType) return { kind: 'malformed', reason: 'decrypted callback has no MsgType' };
    if (MsgType !== 'event' || Event !== KF_EVENT) {
      // Another callback on the same URL (e.g. an app event): acknowledged so WeCom stops retrying.
      console.log(`wecom: ignored callback ${MsgType}/${Event ?? '-'}`);
      return { kind: 'events', envelopes: [], ack: ACK };
    }
    if (!OpenKfId || !OPEN_KFID.test(OpenKfId)) return { kind: 'malformed', reason: `${KF_EVENT} without a valid OpenKfId` };
    const syncToken = Token || undefined; // sync_msg works without it, under stricter rate limits
    return {
      kind: 'deferred',
      ack: ACK,
      fetch: async () => {
        const cursor = env.KF_CURSOR.get(env.KF_CURSOR.idFromName(OpenKfId));
        const report = await cursor.pull(OpenKfId, syncToken);
        console.log(`wecom ${OpenKfId}: ${report.summary}`);
        // The cursor dispatched each page itself before moving past it (so a failed dispatch is
        // pulled again, never skipped): nothing is left for the runtime to dispatch.
        return [];
      },
    };
  },
};
