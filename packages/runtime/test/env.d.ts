// Bindings only the tests have (see vitest.config.ts).
declare namespace Cloudflare {
  interface Env {
    /** The repository's default rules document. */
    DEFAULT_RULES: Record<string, unknown>;
  }
}
