import type { Platform } from '@kefu/core';
import type { CheckResult, PushResult, RollbackResult, VersionList, VersionRead } from '@kefu/rules-store';
import type { LayerRef, ResolvedView, RulesRemote } from './remote.ts';

type ErrorBody = { error?: { code?: string; message?: string; errors?: []; lint?: []; active?: number | null; expected?: number | null } };

/** A worker's answer that is neither success nor one of the refusals a command reports itself. */
export class RemoteError extends Error {}

/**
 * The rules admin routes of a running platform worker (`/__kefu/rules…`, bearer INSPECT_TOKEN):
 * the local stack with `--local`, or a deployed worker with `--url`.
 */
export class HttpRulesRemote implements RulesRemote {
  readonly label: string;
  readonly platform: Platform;
  readonly namespace: string;
  readonly #base: string;
  readonly #token: string;

  constructor(platform: Platform, baseUrl: string, token: string, label: string) {
    this.platform = platform;
    this.#base = baseUrl.replace(/\/$/, '');
    this.#token = token;
    this.label = label;
    this.namespace = `${this.#base} (${platform})`;
  }

  async view(shop?: string): Promise<ResolvedView> {
    return (await this.#call('GET', `/__kefu/rules${shop ? `?${new URLSearchParams({ shop })}` : ''}`, undefined, [])).body as ResolvedView;
  }

  async versions(layer: LayerRef): Promise<VersionList> {
    return (await this.#call('GET', `/__kefu/rules/versions?${query(layer)}`, undefined, [])).body as VersionList;
  }

  async version(layer: LayerRef, version: number): Promise<VersionRead> {
    const { status, body } = await this.#call('GET', `/__kefu/rules/version?${query(layer, { version: String(version) })}`, undefined, [404]);
    if (status === 404) return { kind: 'not_found' };
    const found = body as Omit<Extract<VersionRead, { kind: 'found' }>, 'kind'>;
    return { kind: 'found', meta: found.meta, document: found.document };
  }

  async check(layer: LayerRef, document: unknown): Promise<CheckResult> {
    return (await this.#call('POST', '/__kefu/rules/check', { ...layer, document }, [])).body as CheckResult;
  }

  async push(layer: LayerRef, input: { document: unknown; author: string; message: string; expectActive?: number | null }): Promise<PushResult> {
    const { status, body } = await this.#call('POST', '/__kefu/rules/push', { ...layer, ...input }, [409, 422]);
    const refusal = refused(status, body);
    if (refusal) return refusal;
    const ok = body as { version: number; sha256: string; unchanged: boolean; imported?: number; parent?: number | null };
    return ok.unchanged ? { kind: 'unchanged', version: ok.version, sha256: ok.sha256 } : { kind: 'pushed', version: ok.version, sha256: ok.sha256, parent: ok.parent ?? null, ...(ok.imported !== undefined ? { imported: ok.imported } : {}) };
  }

  async rollback(layer: LayerRef, input: { version?: number; author: string; message?: string; expectActive?: number | null }): Promise<RollbackResult> {
    const { status, body } = await this.#call('POST', '/__kefu/rules/rollback', { ...layer, ...input }, [404, 409, 422]);
    if (status === 404) return { kind: 'not_found', reason: (body as ErrorBody).error?.message ?? 'not found' };
    const refusal = refused(status, body);
    if (refusal) return refusal;
    return { kind: 'rolled_back', ...(body as { version: number; from: number | null }) };
  }

  async #call(method: 'GET' | 'POST', path: string, json: unknown, expected: number[]): Promise<{ status: number; body: unknown }> {
    let response: Response;
    try {
      response = await fetch(`${this.#base}${path}`, {
        method,
        headers: { authorization: `Bearer ${this.#token}`, ...(json === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(json === undefined ? {} : { body: JSON.stringify(json) }),
      });
    } catch (cause) {
      throw new RemoteError(`${this.label}: cannot reach ${this.#base} (${(cause as Error).message}); is the stack running? (pnpm start)`, { cause });
    }
    const body = (await response.json().catch(() => undefined)) as unknown;
    if (response.ok || expected.includes(response.status)) return { status: response.status, body };
    const error = (body as ErrorBody | undefined)?.error;
    throw new RemoteError(`${this.label}: ${method} ${path.split('?')[0]} answered ${response.status}${error ? ` ${error.code}: ${error.message}` : ''}`);
  }
}

function query(layer: LayerRef, extra: Record<string, string> = {}): URLSearchParams {
  return new URLSearchParams({ scope: layer.scope, ...(layer.scope === 'shop' ? { shop: layer.shop } : {}), ...extra });
}

/** 422 and 409 carry the store's own refusal in the error body. */
function refused(status: number, body: unknown): Extract<PushResult, { kind: 'invalid' | 'conflict' }> | undefined {
  const error = (body as ErrorBody).error;
  if (status === 422) return { kind: 'invalid', errors: error?.errors ?? [], lint: error?.lint ?? [] };
  if (status === 409) return { kind: 'conflict', active: error?.active ?? null, expected: error?.expected ?? null };
  return undefined;
}
