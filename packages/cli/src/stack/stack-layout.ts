import type { Platform } from '@kefu/core';

/** The repository root (the CLI lives in packages/cli). */
export const REPO_ROOT = decodeURIComponent(new URL('../../../../', import.meta.url).pathname);

/** Where the local stack listens: one worker per platform, the sandbox beside them. */
export const STACK_PORTS: Record<Platform, number> = { wecom: 8701, douyin: 8702, taobao: 8703, pinduoduo: 8704, jd: 8705 };
export const SANDBOX_PORT = 8790;

/** The bearer token the local stack's inspection route accepts (local only; never a real secret). */
export const LOCAL_INSPECT_TOKEN = 'local-inspect';


export const stackUrl = (platform: Platform) => `http://127.0.0.1:${STACK_PORTS[platform]}`;
export const sandboxUrl = () => `http://127.0.0.1:${SANDBOX_PORT}`;
