// Bindings only the tests have (vitest.config.ts): the stub server's URL and the D1 migrations.
declare namespace Cloudflare {
  interface Env {
    STUB_URL: string;
    TEST_MIGRATIONS: import('cloudflare:test').D1Migration[];
  }
}
