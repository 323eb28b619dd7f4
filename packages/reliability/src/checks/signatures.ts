import type { Platform } from '@kefu/core';
import { stackUrl } from '@kefu/cli';
import { SEND_CHANNELS, sendKey } from '../accounting/record-keys.ts';
import { sandbox } from '../clients/sandbox-client.ts';
import { workerClient } from '../clients/worker-client.ts';
import { verdict, type CheckResult, type Log } from '../report/check-result.ts';
import { pool, sleep, until } from '../support/index.ts';
import { CREDENTIALS } from '../traffic/deliver.ts';
import { BRIDGE_PLATFORMS, bridgeBody, bridgeRequest, doudianBody, doudianRequest, douyinImBody, douyinImRequest, send, wecomCallbackRequest, type Answer, type SignedRequest } from '../traffic/signed-requests.ts';

/** One route's way of carrying a buyer message, and the forgeries it must refuse. */
type Route = {
  name: string;
  platform: Platform;
  /** The event id the worker would log, for the events route. */
  eventId: (msgId: string) => string;
  /** The conversation the message would open. */
  conversation: (n: string) => { shop: string; buyer: string };
  /** A correctly signed request (the control: it must be accepted). */
  valid: (n: string, msgId: string) => Promise<SignedRequest>;
  /** Forgeries by kind. */
  forgeries: Record<string, (n: string, msgId: string) => Promise<SignedRequest>>;
  /** The protocol signs no timestamp: a replay can only be deduped, not refused. */
  replayIsDeduped?: boolean;
  /** Before sending: queue what a pull platform serves (WeCom). */
  prepare?: (n: string, msgId: string) => Promise<void>;
};

const TEN_MIN = 10 * 60_000;
const text = '你好 什么时候发货';
const other = (name: string) => `${CREDENTIALS[name] ?? ''}-other`;

function bridgeRoute(platform: (typeof BRIDGE_PLATFORMS)[number]): Route {
  const conversation = (n: string) => ({ shop: 'sig-shop', buyer: `sig-${platform}-${n}` });
  const body = (n: string, msgId: string) => bridgeBody('sig-shop', conversation(n).buyer, msgId, text);
  const secretName = { taobao: 'TAOBAO_BRIDGE_SECRET', pinduoduo: 'PDD_BRIDGE_SECRET', jd: 'JD_BRIDGE_SECRET', douyin: 'DOUYIN_BRIDGE_SECRET' }[platform];
  const appName = { taobao: 'TAOBAO_BRIDGE_APP_KEY', pinduoduo: 'PDD_BRIDGE_CLIENT_ID', jd: 'JD_BRIDGE_APP_KEY', douyin: 'DOUYIN_BRIDGE_APP_KEY' }[platform];
  return {
    name: `${platform} chat bridge`,
    platform,
    eventId: (msgId) => msgId,
    conversation,
    valid: async (n, m) => bridgeRequest(platform, body(n, m)),
    forgeries: {
      forged: async (n, m) => bridgeRequest(platform, body(n, m), { secret: other(secretName) }),
      'wrong app': async (n, m) => bridgeRequest(platform, body(n, m), { app: other(appName) }),
      replayed: async (n, m) => bridgeRequest(platform, body(n, m), { at: Date.now() - TEN_MIN - 60_000 }),
      'from the future': async (n, m) => bridgeRequest(platform, body(n, m), { at: Date.now() + TEN_MIN + 60_000 }),
      tampered: async (n, m) => bridgeRequest(platform, body(n, m), { signedBody: bridgeBody('sig-shop', conversation(n).buyer, m, '在吗') }),
      unsigned: async (n, m) => bridgeRequest(platform, body(n, m), { unsigned: true }),
    },
  };
}

/** WeCom: each request gets its own 客服账号 with its message queued, so a forged callback that led to a pull would show. */
const wecomRoute: Route = {
  name: 'wecom callback',
  platform: 'wecom',
  eventId: (msgId) => msgId,
  conversation: (n) => ({ shop: `wkSig${n}`, buyer: `sig-wecom-${n}` }),
  prepare: async (n, msgId) => {
    await sandbox.inbox(`wecom:wkSig${n}`, [{ msgid: msgId, open_kfid: `wkSig${n}`, external_userid: `sig-wecom-${n}`, send_time: Math.floor(Date.now() / 1000), origin: 3, msgtype: 'text', text: { content: text } }]);
  },
  valid: async (n) => wecomCallbackRequest(`wkSig${n}`),
  forgeries: {
    forged: async (n) => wecomCallbackRequest(`wkSig${n}`, { secret: 'guessedWecomToken' }),
    'wrong app': async (n) => wecomCallbackRequest(`wkSig${n}`, { app: 'wwAnotherCorp0001' }),
    replayed: async (n) => wecomCallbackRequest(`wkSig${n}`, { at: Date.now() - TEN_MIN - 60_000 }),
    tampered: async (n) => {
      const decoy = await wecomCallbackRequest(`wkSig${n}`);
      const xml = String(decoy.body);
      const encrypt = /<Encrypt><!\[CDATA\[(.*?)\]\]><\/Encrypt>/.exec(xml)?.[1] ?? '';
      return wecomCallbackRequest(`wkSig${n}`, { signedBody: `${encrypt.slice(0, -4)}AAA=` });
    },
    unsigned: async (n) => wecomCallbackRequest(`wkSig${n}`, { unsigned: true }),
  },
};

const douyinImRoute: Route = {
  name: 'douyin IM webhook',
  platform: 'douyin',
  eventId: (msgId) => `douyin-im:${msgId}`,
  conversation: (n) => ({ shop: 'sig-account', buyer: `sig-dyim-${n}` }),
  replayIsDeduped: true,
  valid: async (n, m) => douyinImRequest(douyinImBody('sig-account', `sig-dyim-${n}`, m, text)),
  forgeries: {
    forged: async (n, m) => douyinImRequest(douyinImBody('sig-account', `sig-dyim-${n}`, m, text), { secret: other('DOUYIN_CLIENT_SECRET') }),
    'wrong app': async (n, m) => douyinImRequest(douyinImBody('sig-account', `sig-dyim-${n}`, m, text, other('DOUYIN_CLIENT_KEY'))),
    tampered: async (n, m) => douyinImRequest(douyinImBody('sig-account', `sig-dyim-${n}`, m, text), { signedBody: douyinImBody('sig-account', `sig-dyim-${n}`, m, '在吗') }),
    unsigned: async (n, m) => douyinImRequest(douyinImBody('sig-account', `sig-dyim-${n}`, m, text), { unsigned: true }),
  },
};

/** 抖店 order pushes: the conversation is the order (`order:<id>`), the shop its numeric id. */
const orderOf = (n: string) => `47${String(Date.now()).slice(-9)}${n.replace(/\D/g, '').padStart(8, '0').slice(-8)}`;
const doudianRoute = (): Route => {
  const orders = new Map<string, string>();
  const order = (n: string) => orders.get(n) ?? (orders.set(n, orderOf(n)).get(n) as string);
  return {
    name: 'doudian push',
    platform: 'douyin',
    eventId: (msgId) => `doudian:${msgId}`,
    conversation: (n) => ({ shop: '4321', buyer: `order:${order(n)}` }),
    replayIsDeduped: true,
    valid: async (n, m) => doudianRequest(doudianBody('4321', order(n), m)),
    forgeries: {
      forged: async (n, m) => doudianRequest(doudianBody('4321', order(n), m), { secret: 'guessed-secret' }),
      'wrong app': async (n, m) => doudianRequest(doudianBody('4321', order(n), m), { app: '7000000000000000002' }),
      tampered: async (n, m) => doudianRequest(doudianBody('4321', order(n), m), { signedBody: doudianBody('4321', order(n), `${m}x`) }),
      unsigned: async (n, m) => doudianRequest(doudianBody('4321', order(n), m), { unsigned: true }),
    },
  };
};

type Sent = { route: Route; kind: string; n: string; msgId: string; answer: Answer };

/** A 4xx with the runtime's JSON error body: `{error: {code, message}}`. */
export function isClearRejection(a: Answer): boolean {
  if (typeof a.status !== 'number' || a.status < 400 || a.status >= 500 || !a.contentType.includes('json')) return false;
  try {
    const body = JSON.parse(a.text) as { error?: { code?: unknown } };
    return typeof body.error?.code === 'string' && body.error.code.length > 0;
  } catch {
    return false;
  }
}

/**
 * Check 2: forged, wrong-app, replayed, tampered and unsigned requests on every signed inbound
 * route must be refused with a clear 4xx and leave no trace (nothing logged, decided, pulled or
 * sent). A correctly signed control request per route must be accepted, so a refusal is proved to
 * come from the signature. Where the protocol signs no timestamp (抖音), a replay of an accepted
 * request must be acked and deduped: acted on once.
 */
export async function signatures(o: { perKind: number; concurrency: number; runId: string }, log: Log): Promise<CheckResult> {
  const routes = [...BRIDGE_PLATFORMS.map(bridgeRoute), wecomRoute, douyinImRoute, doudianRoute()];
  let counter = 0;
  const next = () => `${o.runId.slice(-5)}${(counter += 1)}`;

  // Controls: one correctly signed request per route, accepted and acted on.
  const controls: Sent[] = [];
  for (const route of routes) {
    const n = next();
    const msgId = `${o.runId}-sigok-${n}`;
    await route.prepare?.(n, msgId);
    controls.push({ route, kind: 'valid', n, msgId, answer: await send(stackUrl, await route.valid(n, msgId)) });
  }

  const jobs = routes.flatMap((route) => Object.keys(route.forgeries).flatMap((kind) => Array.from({ length: o.perKind }, () => ({ route, kind, n: next() }))));
  const forged = await pool(jobs, o.concurrency, async ({ route, kind, n }): Promise<Sent> => {
    const msgId = `${o.runId}-sig-${n}`;
    await route.prepare?.(n, msgId);
    return { route, kind, n, msgId, answer: await send(stackUrl, await (route.forgeries[kind] as (n: string, m: string) => Promise<SignedRequest>)(n, msgId)) };
  });

  // The controls must be acted on (WeCom pulls after the ack): wait for their actions.
  const actionsOf = async (c: Sent) => {
    const { shop, buyer } = c.route.conversation(c.n);
    return (await workerClient(c.route.platform).conversation(shop, buyer)).actions;
  };
  await until(async () => ({ done: (await Promise.all(controls.map(actionsOf))).every((a) => a.length > 0), value: null }), 30_000, 1_000);

  // Replays where the protocol signs no timestamp: the accepted control request, sent again. Action
  // ids derive from the event id, so a second decision would show as actions the first did not have.
  const replayed = controls.filter((c) => c.route.replayIsDeduped);
  const before = await Promise.all(replayed.map(async (c) => (await actionsOf(c)).map((a) => a.id).join(',')));
  const replays: Sent[] = [];
  for (const control of replayed) {
    for (let i = 0; i < o.perKind; i++) replays.push({ ...control, kind: 'replay (no timestamp)', answer: await send(stackUrl, await control.route.valid(control.n, control.msgId)) });
  }
  await sleep(5_000); // deferred work (WeCom's pull) and queue sends have time to show

  // Side effects, by what the worker recorded and what the sandbox received.
  const byPlatform = new Map<Platform, string[]>();
  for (const s of [...forged, ...controls]) byPlatform.set(s.route.platform, [...(byPlatform.get(s.route.platform) ?? []), s.route.eventId(s.msgId)]);
  const traces = new Map<string, { logged: boolean; actions: number }>();
  for (const [platform, ids] of byPlatform) for (const [id, t] of Object.entries(await workerClient(platform).events(ids))) traces.set(id, t);
  const sends = (await Promise.all([...new Set(Object.values(SEND_CHANNELS).flat())].map((ch) => sandbox.requests(ch)))).flat().filter((r) => r.status === 200);
  const sentTo = new Map<string, number>();
  for (const r of sends) {
    const buyer = sendKey(r)?.buyer;
    if (buyer) sentTo.set(buyer, (sentTo.get(buyer) ?? 0) + 1);
  }
  const pulled = new Set((await sandbox.requests('wecom:sync_msg')).map((r) => String((r.parsed as { open_kfid?: unknown } | undefined)?.open_kfid)));
  const sideEffects: string[] = [];
  for (const s of forged) {
    const t = traces.get(s.route.eventId(s.msgId));
    const { shop, buyer } = s.route.conversation(s.n);
    const conversation = await workerClient(s.route.platform).conversation(shop, buyer);
    const effects = [t?.logged ? 'logged' : '', (t?.actions ?? 0) > 0 ? `${t?.actions} actions logged` : '', conversation.actions.length > 0 ? `${conversation.actions.length} actions decided` : '', sentTo.has(buyer) ? 'reply sent' : '', s.route.platform === 'wecom' && pulled.has(shop) ? 'sync_msg pulled' : ''].filter(Boolean);
    if (effects.length > 0) sideEffects.push(`${s.route.name} ${s.kind} ${s.msgId}: ${effects.join(', ')}`);
  }
  const controlFailures = controls.filter((c) => c.answer.status !== 200 || !(traces.get(c.route.eventId(c.msgId))?.actions ?? 0)).map((c) => `${c.route.name}: ${c.answer.status} ${c.answer.text.slice(0, 120)}, actions ${traces.get(c.route.eventId(c.msgId))?.actions ?? 0}`);
  const replayActedTwice: string[] = [];
  for (const [i, c] of replayed.entries()) {
    const actions = await actionsOf(c);
    const ids = actions.map((a) => a.id).join(',');
    const replies = actions.filter((a) => a.kind === 'reply').length;
    const { buyer } = c.route.conversation(c.n);
    if (ids !== before[i]) replayActedTwice.push(`${c.route.name} ${c.msgId}: actions ${before[i]} became ${ids}`);
    if ((sentTo.get(buyer) ?? 0) > replies) replayActedTwice.push(`${c.route.name} ${c.msgId}: ${sentTo.get(buyer)} sends for ${replies} replies`);
  }

  const notRejected = forged.filter((s) => !isClearRejection(s.answer));
  const replaysNotAcked = replays.filter((s) => s.answer.status !== 200);
  const serverErrors = [...forged, ...replays, ...controls].filter((s) => typeof s.answer.status === 'number' && s.answer.status >= 500).length;
  const kinds = new Map<string, number>();
  for (const s of forged) kinds.set(`${s.route.name}: ${s.kind}`, (kinds.get(`${s.route.name}: ${s.kind}`) ?? 0) + 1);
  const statuses = new Map<string, number>();
  for (const s of forged) statuses.set(String(s.answer.status), (statuses.get(String(s.answer.status)) ?? 0) + 1);
  log(`  ${routes.length} routes: ${routes.map((r) => r.name).join(', ')}`);
  log(`  ${forged.length} forged requests (${[...new Set(jobs.map((j) => j.kind))].join(', ')}; ${o.perKind} of each per route): answers ${[...statuses].map(([s, n]) => `${s}×${n}`).join(', ')}`);
  log(`  ${forged.length - notRejected.length}/${forged.length} refused with a 4xx and a JSON error code; ${sideEffects.length} left a trace`);
  log(`  controls: ${controls.length - controlFailures.length}/${controls.length} correctly signed requests accepted and acted on`);
  log(`  replays where the protocol signs no timestamp (抖音 IM, 抖店 push): ${replays.length} sent, ${replays.length - replaysNotAcked.length} acked, ${replayActedTwice.length} acted on twice`);
  for (const x of [...notRejected.map((s) => `${s.route.name} ${s.kind}: ${s.answer.status} ${s.answer.text.slice(0, 120)}`), ...sideEffects, ...controlFailures.map((c) => `control ${c}`), ...replayActedTwice].slice(0, 12)) log(`    ! ${x}`);

  return verdict(
    '2',
    'forged / replayed / wrong-app signatures',
    { count: forged.length + replays.length, lost: null, duplicates: replayActedTwice.length, serverErrors },
    [
      { what: `every forgery refused with a clear 4xx (${notRejected.length} were not)`, met: notRejected.length === 0 },
      { what: `no side effects (${sideEffects.length})`, met: sideEffects.length === 0 },
      { what: `every correctly signed control accepted (${controlFailures.length} were not)`, met: controlFailures.length === 0 },
      { what: `no-timestamp replays acked and acted on once (${replaysNotAcked.length + replayActedTwice.length} were not)`, met: replaysNotAcked.length === 0 && replayActedTwice.length === 0 },
      { what: `no 5xx (${serverErrors})`, met: serverErrors === 0 },
    ],
    `${forged.length - notRejected.length}/${forged.length} forgeries refused, 0 traces; ${replays.length} no-timestamp replays deduped`,
  );
}
