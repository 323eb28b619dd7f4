// Bindings only the tests have (see packages/runtime/testing/vitest-config.ts).
declare namespace Cloudflare {
  interface Env {
    DEFAULT_RULES: Record<string, unknown>;
    TEST_MIGRATIONS: import('cloudflare:test').D1Migration[];
    SANDBOX_URL: string;
  }
}
