import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';

// Tests run inside workerd with the console's real bindings (D1 for the audit log). The global
// setup starts one local HTTP server that plays the platform workers' admin routes and the Access
// certs endpoint; its URL reaches the worker as PLATFORM_URLS / ACCESS_CERTS_URL.
const migrations = await readD1Migrations(new URL('./migrations', import.meta.url).pathname);

/** The address nothing listens on: a platform worker that is down. */
export const UNREACHABLE = 'http://127.0.0.1:9';

export default defineConfig({
  plugins: [
    cloudflareTest(({ inject }) => {
      const stubUrl = inject('stubUrl');
      return {
        wrangler: { configPath: new URL('./wrangler.jsonc', import.meta.url).pathname },
        miniflare: {
          bindings: {
            INSPECT_TOKEN: 'local-inspect',
            CONSOLE_TOKEN: 'test-console-token',
            SESSION_SECRET: 'test-session-secret',
            ACCESS_TEAM_DOMAIN: 'kefu-test.cloudflareaccess.com',
            ACCESS_AUD: 'test-aud',
            ACCESS_CERTS_URL: `${stubUrl}/certs`,
            // jd and taobao answer (the stub); douyin is down; wecom and pinduoduo are not managed.
            PLATFORM_URLS: JSON.stringify({ jd: `${stubUrl}/platform/jd`, taobao: `${stubUrl}/platform/taobao`, douyin: UNREACHABLE }),
            STUB_URL: stubUrl,
            TEST_MIGRATIONS: migrations as never,
          },
        },
      };
    }),
  ],
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    globalSetup: ['./test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Files share one stub server and reset it: one file at a time.
    fileParallelism: false,
  },
});
