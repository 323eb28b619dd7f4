import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BEARER, call, migrate, resetStub, stub } from './helpers.ts';

/** A page as the signed-in console renders it: status and HTML. */
async function page(path: string): Promise<{ status: number; html: string }> {
  const response = await call(path, { headers: BEARER });
  return { status: response.status, html: await response.text() };
}

const DAY = 86_400_000;

beforeAll(migrate);
beforeEach(resetStub);

describe('pages when a platform worker is down (douyin at a closed port)', () => {
  it('should show the overview with douyin unreachable, the others reachable, and the unmanaged ones', async () => {
    const { status, html } = await page('/');
    expect(status).toBe(200);
    expect(html).toMatch(/data-testid="overview-douyin">.*不可达 unreachable.*无法连接 抖音 \(douyin\)/s);
    expect(html).toMatch(/data-testid="overview-jd">.*可达 reachable/s);
    expect(html).toMatch(/data-testid="overview-wecom">.*未配置 not configured/s);
  });

  it('should render every page for douyin with the reason, never a 500', async () => {
    for (const path of ['/rules?platform=douyin', '/rules?platform=douyin&shop=s1', '/rules/edit?scope=platform&platform=douyin', '/tester?platform=douyin&shop=s1&text=%E5%9C%A8%E5%90%97', '/sla?platform=douyin&shop=s1', '/escalations?platform=douyin']) {
      const { status, html } = await page(path);
      expect(status, path).toBe(200);
      expect(html, path).toContain('data-testid="platform-error"');
      expect(html, path).toContain('无法连接 抖音 (douyin)');
    }
  });

  it('should list the reachable platforms escalations next to the unreachable one reason', async () => {
    await stub('/seed/jd', { escalations: [{ id: 'e1', shop: 's1', buyer: 'buyer-0123456789', severity: 'critical', title: '投诉：质量问题', updates: 1, deadline: Date.now() + 60_000, status: 'open', claimedBy: null, openedAt: Date.now(), updatedAt: Date.now() }] });
    const { status, html } = await page('/escalations?status=open');
    expect(status).toBe(200);
    expect(html).toContain('投诉：质量问题');
    expect(html).toContain('buye…6789');
    expect(html).toContain('无法连接 抖音 (douyin)');
  });
});

describe('pages against a working platform worker', () => {
  it('should show the layers, their history with rollback buttons, and the resolved document', async () => {
    await stub('/seed/jd', { layers: [{ scope: 'shop', shop: 's1', document: { shop: { name: 'A' } } }, { scope: 'shop', shop: 's1', document: { shop: { name: 'B' } } }] });
    const { status, html } = await page('/rules?platform=jd&shop=s1');
    expect(status).toBe(200);
    expect(html).toContain('data-testid="layer-global"');
    expect(html).toContain('data-testid="active-shop">当前 v2<');
    expect(html).toContain('data-testid="rollback-shop-1"');
    expect(html).not.toContain('data-testid="rollback-shop-2"'); // the active one
    expect(html).toContain('data-testid="resolved-document"');
    expect(html).toContain('&quot;name&quot;: &quot;B&quot;');
  });

  it('should give the editor its hooks, the active document, expectActive, and the island', async () => {
    await stub('/seed/jd', { layers: [{ scope: 'platform', document: { shop: { name: 'P' } } }] });
    const { status, html } = await page('/rules/edit?scope=platform&platform=jd');
    expect(status).toBe(200);
    for (const hook of ['rules-editor', 'validation-panel', 'diff-panel', 'publish-button', 'publish-message']) expect(html).toContain(`data-testid="${hook}"`);
    expect(html).toContain('name="expect_jd" value="1"');
    expect(html).toMatch(/<textarea[^>]*data-testid="rules-editor">\{\n {2}&quot;shop&quot;/);
    expect(html).toMatch(/<script nonce="[0-9a-f]+">/);
    expect(html).toContain('/api/rules/check');
  });

  it('should start a new layer empty, expecting no active version', async () => {
    const { html } = await page('/rules/edit?scope=shop&platform=jd&shop=new-shop');
    expect(html).toContain('name="expect_jd" value="none"');
  });

  it('should target every managed platform when editing the global layer', async () => {
    const { html } = await page('/rules/edit?scope=global');
    expect(html).toContain('name="expect_jd" value="1"');
    expect(html).toContain('name="expect_taobao" value="1"');
    expect(html).toContain('无法连接 抖音 (douyin)');
  });

  it('should run the engine on the shop rules at the chosen time and explain each action', async () => {
    const text = encodeURIComponent('你好 什么时候发货');
    const { status, html } = await page(`/tester?platform=jd&shop=s1&time=2026-11-18T10:00&buyer=returning&text=${text}`);
    expect(status).toBe(200);
    expect(html).toContain('data-testid="tester-form"');
    expect(html).toContain('data-testid="tester-result"');
    expect(html).toContain('营业中 open');
    expect(html).toMatch(/data-kind="reply"/);
    expect(html).toContain('data-testid="tester-faq"');
    expect(html).toContain('value="2026-11-18T10:00"');
  });

  it('should show complaint signals, their words and the SLA timers for a complaint', async () => {
    const text = encodeURIComponent('东西是坏的，我要投诉你们，太差了');
    const { html } = await page(`/tester?platform=jd&shop=s1&time=2026-11-18T10:00&text=${text}`);
    expect(html).toContain('data-testid="tester-signals"');
    expect(html).toMatch(/data-kind="escalate"/);
    expect(html).toContain('data-testid="tester-timers"');
  });

  it('should draw the SLA charts as inline SVG from the daily figures and escalations', async () => {
    const now = Date.now();
    const day = (offset: number) => new Date(now - offset * DAY + 8 * 3_600_000).toISOString().slice(0, 10);
    await stub('/seed/jd', {
      sla: [
        { day: day(1), rounds: 10, withinSla: 8, withinSlaRate: 0.8, avgFirstResponseSeconds: 21, unanswered: 1, excludedAutomatic: 0, excludedOutsideHours: 0, open: 0 },
        { day: day(0), rounds: 4, withinSla: 4, withinSlaRate: 1, avgFirstResponseSeconds: 12, unanswered: 0, excludedAutomatic: 0, excludedOutsideHours: 0, open: 1 },
      ],
      escalations: [
        { id: 'e1', shop: 's1', buyer: 'b', severity: 'high', title: 't', status: 'closed', openedAt: now - 60_000, updatedAt: now },
        // A raw D1 row (snake_case) is read too.
        { id: 'e2', shop: 's1', buyer_id: 'b', severity: 'high', title: 't', status: 'open', opened_at: now - 120_000, updated_at: now },
      ],
    });
    const { status, html } = await page('/sla?platform=jd&shop=s1&days=7');
    expect(status).toBe(200);
    for (const id of ['sla-chart-rate', 'sla-chart-response', 'sla-chart-escalations']) expect(html).toMatch(new RegExp(`<svg [^>]*data-testid="${id}"`));
    expect(html).toContain('>80%</td>');
    expect(html).toContain('(≤ 30 s)'); // jd's target, from the rules
    expect((html.match(/<rect class="bar"/g) ?? []).length).toBeGreaterThanOrEqual(3);
  });

  it('should list the audit log', async () => {
    const { status, html } = await page('/audit');
    expect(status).toBe(200);
    expect(html).toContain('审计记录');
  });
});

describe('bad input is a clear 400 page, never a crash', () => {
  it('should name the bad field', async () => {
    const cases: [string, string][] = [
      ['/rules?platform=myspace', 'platform must be one of'],
      ['/rules?platform=jd&shop=%3Cscript%3E', 'shop id'],
      ['/rules/edit?scope=shop&platform=jd', 'shop is required'],
      ['/rules/edit?scope=bogus', 'scope must be one of'],
      ['/tester?platform=jd&shop=s1&time=tomorrow&text=hi', 'time: YYYY-MM-DDTHH:mm'],
      ['/escalations?status=lost', 'status'],
      ['/rules/published?batch=nope', 'batch'],
    ];
    for (const [path, message] of cases) {
      const { status, html } = await page(path);
      expect(status, path).toBe(400);
      expect(html, path).toContain('输入有误');
      expect(html, path).toContain(message);
    }
  });

  it('should answer an unknown page with 404', async () => {
    expect((await page('/nope')).status).toBe(404);
  });
});
