import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { readRulesDirectory } from '@kefu/cli';
import { localTeamChannels, standIns, startSandbox } from '@kefu/sandbox';
import { defineConfig } from 'vitest/config';

/**
 * The vitest config of a worker package (runs in Node): tests run inside workerd with the
 * package's real bindings (KV, Durable Objects, Queues, D1), and a real local sandbox plays the
 * platform APIs and team channels. The sandbox starts here, so its URL can be handed to the
 * worker as the base-URL vars; tests reach its control API through `SANDBOX_URL`.
 */
export async function workerTestConfig(packageDir: URL, options: { include?: string[]; vars?: (sandboxUrl: string) => Record<string, string> } = {}) {
  const credentials: Record<string, string> = Object.assign({}, ...standIns.map((s) => s.credentials ?? {}));
  const sandbox = await startSandbox({ standIns, unref: true, config: credentials });
  const rules = await readRulesDirectory(new URL('../../../rules', import.meta.url).pathname);
  const migrations = await readD1Migrations(new URL('../migrations', import.meta.url).pathname);
  const bindings: Record<string, unknown> = {
    DEFAULT_RULES: rules.document,
    TEST_MIGRATIONS: migrations,
    SANDBOX_URL: sandbox.url,
    // Every team channel type, each at its sandbox stand-in. The default rules route to `team` only.
    TEAM_CHANNELS: JSON.stringify(localTeamChannels(sandbox.url, credentials)),
    PUBLIC_URL: 'https://kefu.test',
    CLAIM_SECRET: 'local-claim-secret',
    SLACK_SIGNING_SECRET: credentials.SLACK_TEST_SIGNING_SECRET,
    RETRY_BASE_SECONDS: '0',
    INSPECT_TOKEN: 'local-inspect',
  };
  for (const standIn of standIns) {
    if (standIn.operator) continue;
    Object.assign(bindings, standIn.credentials);
    for (const name of standIn.baseUrlVars ?? []) bindings[name] = sandbox.url;
  }
  Object.assign(bindings, options.vars?.(sandbox.url));
  return defineConfig({
    plugins: [cloudflareTest({ wrangler: { configPath: new URL('wrangler.jsonc', packageDir).pathname }, miniflare: { bindings: bindings as Record<string, never> } })],
    // Files run one at a time: they share one sandbox, and a file's faults or reset must not leak into another's.
    test: { include: options.include ?? ['test/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 30_000, fileParallelism: false },
  });
}

