import type { Platform } from '@kefu/core';
import type { z } from 'zod';
import type { Target } from './targets.ts';

/** A platform worker's answer, or why there is none, in words for the page. */
export type Outcome<T> =
  | { ok: true; platform: Platform; status: number; data: T }
  | { ok: false; platform: Platform; status: number | null; code: string; message: string; body?: unknown };

export type Failure = Extract<Outcome<unknown>, { ok: false }>;

/** Admin routes answer fast; a worker that takes longer is shown as slow, not waited for. */
const TIMEOUT_MS = 8000;

const PLATFORM_NAMES: Record<Platform, string> = { wecom: '微信客服', douyin: '抖音', taobao: '淘宝', pinduoduo: '拼多多', jd: '京东' };

export const platformName = (p: Platform): string => `${PLATFORM_NAMES[p]} (${p})`;

/**
 * Calls one platform worker's admin routes (`/__kefu/*`) with the INSPECT_TOKEN bearer. Never
 * throws: every failure — not configured, unreachable, timeout, refused token, an older worker
 * without the route, an answer not in the contract — comes back as a message a person can act on.
 */
export class PlatformClient {
  readonly platform: Platform;
  readonly #target: Target;
  readonly #token: string;

  constructor(platform: Platform, target: Target, token: string) {
    this.platform = platform;
    this.#target = target;
    this.#token = token;
  }

  get configured(): boolean {
    return this.#target.kind !== 'none';
  }

  get where(): string {
    return this.#target.label;
  }

  async get<S extends z.ZodType>(path: string, schema: S): Promise<Outcome<z.infer<S>>> {
    return this.#call('GET', path, undefined, schema);
  }

  async post<S extends z.ZodType>(path: string, body: unknown, schema: S): Promise<Outcome<z.infer<S>>> {
    return this.#call('POST', path, body, schema);
  }

  #fail(status: number | null, code: string, message: string, body?: unknown): Failure {
    return { ok: false, platform: this.platform, status, code, message, ...(body === undefined ? {} : { body }) };
  }

  async #call<S extends z.ZodType>(method: string, path: string, body: unknown, schema: S): Promise<Outcome<z.infer<S>>> {
    const name = platformName(this.platform);
    const target = this.#target;
    if (target.kind === 'none') return this.#fail(null, 'not_configured', `${name} 未配置：${target.label}`);
    if (!this.#token) return this.#fail(null, 'no_token', `控制台未设置 INSPECT_TOKEN，无法调用 ${name} 的管理接口`);
    const init: RequestInit = {
      method,
      headers: { authorization: `Bearer ${this.#token}`, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    };
    let response: Response;
    try {
      // Through a binding the host is ignored; the path is what the worker routes on.
      response = target.kind === 'binding' ? await target.fetcher.fetch(`https://${this.platform}.internal${path}`, init) : await fetch(`${target.base}${path}`, init);
    } catch (error) {
      const e = error as Error;
      if (e.name === 'TimeoutError' || e.name === 'AbortError') return this.#fail(null, 'timeout', `${name} 超时（${TIMEOUT_MS / 1000} 秒无应答）：${target.label}`);
      return this.#fail(null, 'unreachable', `无法连接 ${name}（${target.label}）：${e.message}`);
    }
    const text = await response.text().catch(() => '');
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    if (!response.ok) return this.#httpFailure(response.status, json, text, path);
    if (json === undefined) return this.#fail(response.status, 'not_json', `${name} 返回的不是 JSON（HTTP ${response.status}）：${text.slice(0, 120)}`);
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'unknown';
      return this.#fail(response.status, 'contract', `${name} 的应答与约定不符（${method} ${path.split('?')[0]}，${where}）——平台 worker 与控制台版本不一致？`, json);
    }
    return { ok: true, platform: this.platform, status: response.status, data: parsed.data as z.infer<S> };
  }

  #httpFailure(status: number, json: unknown, text: string, path: string): Failure {
    const name = platformName(this.platform);
    const body = errorObject(json);
    const code = typeof body?.code === 'string' ? body.code : `http_${status}`;
    const detail = typeof body?.message === 'string' ? body.message : text.slice(0, 200);
    if (status === 401) return this.#fail(status, code, `${name} 拒绝了令牌：控制台的 INSPECT_TOKEN 与该 worker 的不一致`, body);
    if (status === 404 && code === 'not_found' && /inspection is off/.test(detail)) {
      return this.#fail(status, 'inspection_off', `${name} 的管理接口未开启：请给该 worker 设置 INSPECT_TOKEN`, body);
    }
    if (status === 404 && body === undefined) {
      return this.#fail(status, 'no_route', `${name} 没有接口 ${path.split('?')[0]}：请部署新版本的平台 worker`);
    }
    return this.#fail(status, code, `${name}：${detail || `HTTP ${status}`}（HTTP ${status}）`, body);
  }
}

/**
 * The error of a platform worker's answer as one flat object `{code, message, ...details}`. The
 * runtime answers `{error: {code, message, ...details}}` (define-worker.ts); a flat
 * `{error: code, message, ...}` is read too. Undefined when the body is not a JSON object.
 */
export function errorObject(json: unknown): Record<string, unknown> | undefined {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return undefined;
  const body = json as Record<string, unknown>;
  const inner = body.error;
  if (inner !== null && typeof inner === 'object' && !Array.isArray(inner)) return inner as Record<string, unknown>;
  const { error, ...rest } = body;
  return { ...rest, ...(typeof error === 'string' ? { code: error } : {}) };
}
