// Bindings only the tests have (see @kefu/runtime/testing).
declare namespace Cloudflare {
  interface Env {
    DEFAULT_RULES: Record<string, unknown>;
    TEST_MIGRATIONS: import('cloudflare:test').D1Migration[];
    SANDBOX_URL: string;
  }
}
