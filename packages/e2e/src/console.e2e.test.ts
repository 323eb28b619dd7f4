import type { Stack } from '@kefu/cli';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER_REQUIRED, CHROMIUM_ARGS, findChromium } from './browser.ts';

// Its own ports and storage, beside a developer's `pnpm start` and the other suites: JD on 9305,
// the console on 9300, the sandbox on 9390. Must be set before @kefu/cli is loaded.
process.env.KEFU_STACK_PORT_OFFSET = '600';
const cli = await import('@kefu/cli');
const REPO_ROOT = new URL('../../../', import.meta.url).pathname;
const SCREENSHOTS = join(REPO_ROOT, '.artifacts', 'e2e');
const SHOP = `e2e-${Date.now().toString(36)}`;

const chromiumPath = findChromium();
if (!chromiumPath && BROWSER_REQUIRED) throw new Error('KEFU_REQUIRE_BROWSER=1 but no Chromium: apt-get install chromium (or set KEFU_CHROMIUM)');
if (!chromiumPath) console.warn('skipping the console browser tests: no Chromium (apt-get install chromium, or set KEFU_CHROMIUM)');

let stack: Stack;
let browser: Browser;
let page: Page;
const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

describe.skipIf(!chromiumPath)('the console in a browser, against the real local stack', () => {
  beforeAll(async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    stack = await cli.startStack({ rulesDir: join(REPO_ROOT, 'rules'), platforms: ['jd'], fresh: true });
    browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
    page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('should send a visitor to the login page and let the shop in with its token', async () => {
    await page.goto(`${cli.consoleUrl()}/rules?platform=jd`);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/login');
    await page.getByTestId('login-token').fill('wrong-token');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/login');
    await page.getByTestId('login-token').fill(cli.LOCAL_CONSOLE_TOKEN);
    await page.getByTestId('login-name').fill('小王');
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => url.pathname === '/rules');
    expect(await page.content()).toContain('rules:global');
    await shot('1-rules');
  });

  it('should show a validation error live while a shop layer is being edited', async () => {
    await page.goto(`${cli.consoleUrl()}/rules/edit?scope=shop&platform=jd&shop=${SHOP}`);
    const editor = page.getByTestId('rules-editor');
    await editor.fill(JSON.stringify({ shop: { name: '小鹿家居旗舰店', defaultCourier: '不存在的快递' } }, null, 2));
    const panel = page.getByTestId('validation-panel');
    await expect.poll(() => panel.getAttribute('data-state'), { timeout: 20_000 }).toBe('invalid');
    expect(await panel.textContent()).toContain('shop.defaultCourier');
    await shot('2-validation-error');
  });

  it('should publish a valid layer and answer from it in the tester', async () => {
    const { document } = await cli.readRulesDirectory(join(REPO_ROOT, 'examples', 'shop-layer'));
    await page.getByTestId('rules-editor').fill(JSON.stringify(document, null, 2));
    const panel = page.getByTestId('validation-panel');
    await expect.poll(() => panel.getAttribute('data-state'), { timeout: 20_000 }).toBe('ok');
    expect(await page.getByTestId('diff-panel').textContent()).toContain('custom-engraving');
    await page.getByTestId('publish-message').fill('刻字问答上线');
    await page.getByTestId('publish-button').click();
    const results = page.getByTestId('publish-results').first();
    await results.waitFor({ timeout: 30_000 });
    expect(await results.textContent()).toMatch(/jd[\s\S]*(@1|v1|版本 1|1)/);
    await shot('3-published');

    // The worker serves the new layer to the next message: the tester reads it from the worker.
    await page.goto(`${cli.consoleUrl()}/tester`);
    await page.getByTestId('tester-shop').fill(SHOP);
    // During business hours (a Wednesday, 10:30 shop time): otherwise the away notice comes first.
    await page.getByTestId('tester-time').fill('2026-11-25T10:30');
    await page.getByTestId('tester-text').fill('可以刻字吗');
    await page.getByTestId('tester-submit').click();
    const result = page.getByTestId('tester-result');
    await result.waitFor({ timeout: 30_000 });
    expect(await result.textContent()).toContain('custom-engraving');
    expect((await page.getByTestId('tester-reply').allTextContents()).join('\n')).toContain('刻字');
    await shot('4-tester');
  });

  it('should chart a shop’s human-response figures once buyers have written', async () => {
    // A real signed buyer message to the real worker, as JD's bridge would send it.
    const credentials = Object.assign({}, ...(await import('@kefu/sandbox')).standIns.map((s) => s.credentials ?? {})) as Record<string, string>;
    const delivery = await cli.SIMULATORS.jd({ platform: 'jd', shop: SHOP, buyer: 'e2e-buyer', text: '我要投诉，东西是坏的', messageId: `e2e-${Date.now()}`, from: 'buyer' }, credentials, Date.now());
    const query = delivery.query ? `?${new URLSearchParams(delivery.query)}` : '';
    const response = await fetch(`${cli.stackUrl('jd')}${delivery.path}${query}`, { method: 'POST', headers: delivery.headers, body: delivery.body });
    expect(response.status).toBe(200);
    await page.goto(`${cli.consoleUrl()}/sla?platform=jd&shop=${SHOP}&days=14`);
    const chart = page.getByTestId('sla-chart-rate');
    await chart.waitFor({ timeout: 30_000 });
    expect(await chart.evaluate((el) => el.tagName.toLowerCase())).toBe('svg');
    await shot('5-sla');
  });
});
