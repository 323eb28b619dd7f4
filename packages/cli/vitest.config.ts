import { defineConfig } from 'vitest/config';

// The CLI tests start the real `cs` binary; give them room on a 2-core machine.
export default defineConfig({ test: { include: ['src/**/*.test.ts'], testTimeout: 30_000 } });
