import { defineConfig } from 'vitest/config';

// One browser session against one real local stack: long timeouts on a shared 2-core machine.
export default defineConfig({ test: { include: ['src/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 240_000 } });
