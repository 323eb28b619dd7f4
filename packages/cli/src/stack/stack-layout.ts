import type { Platform } from '@kefu/core';

/** The repository root (the CLI lives in packages/cli). */
export const REPO_ROOT = decodeURIComponent(new URL('../../../../', import.meta.url).pathname);

/**
 * Shifts every port (and the state folder), so a benchmark or the reliability suite can run a
 * stack beside the one a developer has open: `KEFU_STACK_PORT_OFFSET=100`.
 */
export const PORT_OFFSET = Number(process.env.KEFU_STACK_PORT_OFFSET ?? 0) || 0;

/** Where the local stack listens: one worker per platform, the sandbox beside them. */
export const STACK_PORTS: Record<Platform, number> = { wecom: 8701 + PORT_OFFSET, douyin: 8702 + PORT_OFFSET, taobao: 8703 + PORT_OFFSET, pinduoduo: 8704 + PORT_OFFSET, jd: 8705 + PORT_OFFSET };
export const SANDBOX_PORT = 8790 + PORT_OFFSET;
/** The web console (apps/console), in front of the platform workers' admin routes. */
export const CONSOLE_PORT = 8700 + PORT_OFFSET;

/** Where the stack keeps its local storage (KV, D1, Durable Objects). */
export const STATE_DIR = `.wrangler/stack${PORT_OFFSET ? `-${PORT_OFFSET}` : ''}`;

/** The bearer token the local stack's inspection route accepts (local only; never a real secret). */
export const LOCAL_INSPECT_TOKEN = 'local-inspect';

/** What the local console's login page accepts (local only; a deployed console has its own secret). */
export const LOCAL_CONSOLE_TOKEN = 'local-console';


export const stackUrl = (platform: Platform) => `http://127.0.0.1:${STACK_PORTS[platform]}`;
export const sandboxUrl = () => `http://127.0.0.1:${SANDBOX_PORT}`;
export const consoleUrl = () => `http://127.0.0.1:${CONSOLE_PORT}`;
