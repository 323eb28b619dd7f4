import { cloudflareTest } from '@cloudflare/vitest-plugin';
import { readRulesDirectory } from '@kefu/cli';
import { defineConfig } from 'vitest/config';

// Tests run inside workerd with real Durable Objects (SQLite) and KV. The default rule set is read
// here, on the Node side, and handed to the worker as a JSON binding the tests seed KV from.
const { document } = await readRulesDirectory(new URL('../../rules', import.meta.url).pathname);

export default defineConfig({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: './wrangler.jsonc' },
      // A rules document is plain JSON (it came from JSON files).
      miniflare: { bindings: { DEFAULT_RULES: document as Record<string, never> } },
    }),
  ],
  test: { include: ['test/**/*.test.ts'] },
});
