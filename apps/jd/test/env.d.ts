// Bindings only the tests have (see packages/runtime/testing/vitest-config.ts): the sandbox's URL,
// default rules and migrations.
declare namespace Cloudflare {
  interface Env {
    DEFAULT_RULES: Record<string, unknown>;
    TEST_MIGRATIONS: import('cloudflare:test').D1Migration[];
    SANDBOX_URL: string;
  }
}

// Vite's `?raw` imports (the doc test reads docs/chat-bridge.md as text).
declare module '*?raw' {
  const content: string;
  export default content;
}
