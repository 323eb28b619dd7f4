import { existsSync } from 'node:fs';

/**
 * Where a Chromium is: `KEFU_CHROMIUM`, else Debian's package (`apt-get install chromium`). We drive
 * the system browser with playwright-core rather than download Playwright's own build: CI machines
 * reach Debian's mirror and npm, nothing else.
 */
export function findChromium(): string | undefined {
  const candidates = [process.env.KEFU_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((path): path is string => !!path && existsSync(path));
}

/** Flags for a headless browser in a container: no sandbox (root), no GPU, no calls home. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--lang=zh-CN'];

/**
 * Whether a missing browser fails the run: CI sets KEFU_REQUIRE_BROWSER=1 (it installs Chromium
 * first), so the browser tests can never pass there by not running. A developer without Chromium
 * gets a skip with the install command.
 */
export const BROWSER_REQUIRED = process.env.KEFU_REQUIRE_BROWSER === '1';
