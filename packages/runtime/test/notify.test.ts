import type { RulesInput } from '@kefu/core';
import { slackSignature } from '@kefu/wire';
import { env, SELF } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventually, prepareStack, sandboxClient, settled, testRules, type TestEnv } from '../src/contract/index.ts';

const testEnv = env as unknown as TestEnv & { SLACK_SIGNING_SECRET: string };
const sandbox = sandboxClient(testEnv.SANDBOX_URL);
const shop = 'notify-shop';
let n = 0;
// Buyer ids whose shortened label (first 3 + *** + last 3) tells them apart in a channel message.
const buyer = () => `nb-${Date.now().toString(36)}-${String((n += 1) % 1000).padStart(3, '0')}`;
const label = (b: string) => `${b.slice(0, 3)}***${b.slice(-3)}`;

function message(buyerId: string, text: string, id = `${buyerId}-${(n += 1)}`, from = 'buyer') {
  const body = JSON.stringify({ id, shop, buyer: buyerId, text, from });
  return SELF.fetch(new Request('https://kefu.test/webhooks/test', { method: 'POST', body, headers: { 'x-test-app': 'test-app', 'x-test-secret': 'test-secret' } }));
}

/** Route escalations for the test shop to the given channels (shop override in KV). */
async function routeTo(channels: string[], change: (rules: RulesInput) => void = () => {}) {
  const rules = testRules(testEnv);
  rules.notify = { routes: [{ minSeverity: 'normal', channels, mention: ['supervisor'] }], claimLinkMinutes: 30 };
  change(rules);
  await env.RULES.put(`rules:shop:jd:${shop}`, JSON.stringify(rules));
}

const notices = async (channel: string, buyerId?: string) => (await sandbox.requests(channel)).filter((r) => !buyerId || r.body.includes(buyerId.slice(0, 3)));
const webhookNotices = async (buyerId: string) =>
  (await sandbox.requests('team:test-team')).map((r) => r.parsed as { type: string; escalation: { id: string; update: number; buyer: string; claimUrl?: string } }).filter((p) => p.type === 'kefu.escalation' && p.escalation.id.includes(encodeURIComponent(buyerId)));

/** The first escalation the webhook channel received for this buyer. */
const firstNotice = (b: string) =>
  eventually(async () => (await webhookNotices(b)).at(0), 'the escalation');

beforeAll(() => prepareStack(testEnv));

describe('escalation to team channels', () => {
  it('should reach every channel type, signed the way each platform checks', async () => {
    await routeTo(['team', 'ding', 'feishu', 'wecombot', 'slack']);
    const b = buyer();
    await message(b, '收到的东西是坏的，你们再不处理我就去12315投诉，电话13812345678');
    await settled(testEnv, { platform: 'jd', shopId: shop, buyerId: b });
    for (const channel of ['team:test-team', 'dingtalk', 'feishu', 'wecom-bot', 'slack']) {
      const got = await eventually(async () => {
        const r = await sandbox.requests(channel);
        return r.length > 0 ? r : undefined;
      }, `a notice at ${channel}`);
      // Each stand-in answers 200 only to a request its platform would accept (signature, shape, limits).
      expect(got.map((r) => r.status)).toEqual(got.map(() => 200));
      expect(got.some((r) => r.body.includes('138****5678'))).toBe(true);
      expect(got.some((r) => r.body.includes('13812345678'))).toBe(false);
    }
  });

  it('should keep one escalation per conversation: later alerts are updates to it', async () => {
    await routeTo(['team'], (rules) => {
      rules.sla.jd = { replyWithinSeconds: 2, alertAfterSeconds: 1, holdingOnBreach: false };
    });
    const b = buyer();
    await message(b, '我要投诉你们，太差劲了');
    const sent = await eventually(async () => {
      const got = await webhookNotices(b);
      return got.length >= 3 ? got : undefined;
    }, 'the complaint, the SLA alert and the breach', 15_000);
    expect(new Set(sent.map((p) => p.escalation.id)).size).toBe(1);
    expect(sent.map((p) => p.escalation.update)).toEqual([0, 1, 2]);
    const rows = await testEnv.DB.prepare('SELECT updates, status FROM escalations WHERE buyer_id = ?').bind(b).all();
    expect(rows.results).toEqual([{ updates: 2, status: 'open' }]);
  });
});

describe('handoff', () => {
  it('should close the escalation when a person replies on the platform', async () => {
    await routeTo(['team']);
    const b = buyer();
    await message(b, '我要投诉');
    await settled(testEnv, { platform: 'jd', shopId: shop, buyerId: b });
    await message(b, '您好，我是店长，马上为您处理', `${b}-agent`, 'agent');
    const row = await eventually(async () => {
      const r = await testEnv.DB.prepare('SELECT status FROM escalations WHERE buyer_id = ?').bind(b).first<{ status: string }>();
      return r?.status === 'closed' ? r : undefined;
    }, 'the escalation to close');
    expect(row.status).toBe('closed');
  });

  it('should keep the bot silent after a person claims the conversation by the signed link', async () => {
    await routeTo(['team']);
    const b = buyer();
    await message(b, '我要投诉');
    const notice = await firstNotice(b);
    const link = new URL(notice.escalation.claimUrl ?? '');
    expect((await SELF.fetch(link)).status).toBe(200); // the confirm page: a GET never claims
    const tampered = new URL(link);
    tampered.searchParams.set('exp', String(Number(link.searchParams.get('exp')) + 1));
    expect((await SELF.fetch(tampered)).status).toBe(403);
    const form = new URLSearchParams({ ref: link.searchParams.get('ref') ?? '', exp: link.searchParams.get('exp') ?? '', t: link.searchParams.get('t') ?? '', by: '小王' });
    const claimed = await SELF.fetch('https://kefu.test/claim', { method: 'POST', body: form, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(claimed.status).toBe(200);
    expect(await claimed.text()).toContain('已认领');
    await message(b, '什么时候发货');
    const actions = await settled(testEnv, { platform: 'jd', shopId: shop, buyerId: b }, 1);
    const claimedAt = actions.findIndex((a) => a.kind === 'log' && a.reason.code === 'human.claimed');
    expect(claimedAt).toBeGreaterThanOrEqual(0);
    const after = actions.slice(claimedAt);
    expect(after.filter((a) => a.kind === 'reply')).toEqual([]);
    const row = await testEnv.DB.prepare('SELECT status, claimed_by FROM escalations WHERE buyer_id = ?').bind(b).first();
    expect(row).toEqual({ status: 'claimed', claimed_by: '小王' });
  });

  it('should take a claim from the Slack button only with a fresh, valid signature', async () => {
    await routeTo(['team']);
    const b = buyer();
    await message(b, '我要投诉');
    const notice = await firstNotice(b);
    const payload = { type: 'block_actions', user: { id: 'U0LEAD', username: 'lead' }, actions: [{ action_id: 'claim', value: notice.escalation.id, type: 'button' }] };
    const body = `payload=${encodeURIComponent(JSON.stringify(payload))}`;
    const slack = (at: number, secret = testEnv.SLACK_SIGNING_SECRET) => {
      const ts = String(Math.floor(at / 1000));
      return SELF.fetch('https://kefu.test/slack/interactions', { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': ts, 'x-slack-signature': slackSignature(secret, ts, body) } });
    };
    expect((await slack(Date.now(), 'guessed-secret')).status).toBe(401);
    expect((await slack(Date.now() - 301_000)).status).toBe(401);
    expect((await slack(Date.now())).status).toBe(200);
    const row = await testEnv.DB.prepare('SELECT status, claimed_by FROM escalations WHERE buyer_id = ?').bind(b).first();
    expect(row).toEqual({ status: 'claimed', claimed_by: 'slack:lead' });
  });
});

describe('delivery under limits and failures', () => {
  it('should batch what the rate limit holds back into one digest instead of dropping it', async () => {
    await routeTo(['slack']);
    const before = (await sandbox.requests('slack')).length;
    const buyers = Array.from({ length: 5 }, buyer);
    await Promise.all(buyers.map((b) => message(b, '我要投诉，质量太差了')));
    const sent = await eventually(async () => {
      const got = (await sandbox.requests('slack')).slice(before).filter((r) => r.status === 200);
      const listed = buyers.filter((b) => got.some((r) => r.body.includes(label(b))));
      return listed.length === buyers.length ? got : undefined;
    }, 'every escalation at Slack, singly or in a digest', 20_000);
    expect(sent.length).toBeLessThan(buyers.length); // at ~1/s, some went out together
    for (const b of buyers) expect(sent.filter((r) => r.body.includes(label(b)))).toHaveLength(1); // each once
  });

  it('should lose nothing when a channel fails half its calls: every notice delivered or dead-lettered', async () => {
    await routeTo(['team']);
    await sandbox.faults('team:test-team', { failRate: 0.5 });
    const buyers = Array.from({ length: 6 }, buyer);
    for (const b of buyers) await message(b, '我要投诉你们');
    // Every notice handed to the channel outbox (the queue's part), then the outbox drained (its part).
    for (const b of buyers) await settled(testEnv, { platform: 'jd', shopId: shop, buyerId: b });
    const outbox = env.CHANNEL_OUTBOX.get(env.CHANNEL_OUTBOX.idFromName('team'));
    await eventually(async () => ((await outbox.status()).pending === 0 ? true : undefined), 'the team outbox to drain', 25_000);
    await sandbox.faults('team:test-team', {});
    for (const b of buyers) {
      const delivered = (await webhookNotices(b)).length > 0;
      const dead = await testEnv.DB.prepare("SELECT COUNT(*) AS n FROM dead_letters WHERE kind = 'notify' AND job LIKE ?").bind(`%${encodeURIComponent(b)}%`).first<{ n: number }>();
      expect(delivered || (dead?.n ?? 0) > 0).toBe(true);
    }
  });
});

describe('human-SLA figures', () => {
  it('should record a round from the question to the first human reply, and score the day', async () => {
    await routeTo(['team']);
    const b = buyer();
    await message(b, '这款和那款有什么区别，哪个更适合送人');
    await settled(testEnv, { platform: 'jd', shopId: shop, buyerId: b });
    await message(b, '您好，两款主要是材质不同，送人推荐这款', `${b}-agent`, 'agent');
    const round = await eventually(async () => (await testEnv.DB.prepare('SELECT * FROM sla_rounds WHERE buyer_id = ? AND human_replied_at IS NOT NULL').bind(b).all<{ started_at: number; human_replied_at: number }>()).results.at(0), 'the closed round');
    expect(round.human_replied_at - round.started_at).toBeLessThan(30_000);
    const figures = await SELF.fetch(`https://kefu.test/__kefu/sla?shop=${shop}&days=2`, { headers: { authorization: 'Bearer local-inspect' } });
    expect(figures.status).toBe(200);
    const { days } = (await figures.json()) as { days: { rounds: number; withinSla: number }[] };
    // Every scored round of this shop today was answered by a person within JD's 30 s.
    expect(days.at(-1)?.withinSla).toBeGreaterThanOrEqual(1);
    const stored = await testEnv.DB.prepare('SELECT rounds, within_sla FROM sla_daily WHERE platform = ? AND shop_id = ?').bind('jd', shop).all<{ rounds: number; within_sla: number }>();
    expect(stored.results.some((d) => d.within_sla >= 1)).toBe(true);
  });
});
