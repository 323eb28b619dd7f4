import { join, resolve } from 'node:path';

/**
 * Where the bench runs its own workers. The stack is shifted by KEFU_STACK_PORT_OFFSET=50
 * (workers 8751–8755, sandbox 8840, inspectors 9751–9755): clear of a developer's or CI's stack
 * (8701–8705, 8790) and of 8890–8999, which the reliability suite owns (offset 100 would put
 * our sandbox on 8890). The bare worker and the start-up probes sit just above the stack.
 */
export const PORT_OFFSET = 50;
export const BARE_PORT = 8760;
export const STARTUP_PORT = 8761;
/** wrangler dev's inspector for our own workers: 1000 above, as the stack does. */
export const inspectorPort = (port: number) => port + 1000;

export const REPO_ROOT = resolve(import.meta.dirname, '../../../..');
export const BENCH_ROOT = resolve(import.meta.dirname, '../..');
export const appDir = (app: string) => join(REPO_ROOT, 'apps', app);

/** The stack's storage for one platform (stack-layout's STATE_DIR, which @kefu/cli does not export). */
export const stackState = (platform: string) => join(REPO_ROOT, '.wrangler', `stack-${PORT_OFFSET}`, platform);
