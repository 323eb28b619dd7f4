/**
 * Workers KV through Cloudflare's REST API (v4), with the shapes of the Workers binding, so the
 * rules store runs the same code on a laptop as inside a worker. Needs an API token with
 * "Workers KV Storage: Edit", the account id and the namespace id (from the app's wrangler.jsonc).
 */
export type CloudflareKvOptions = {
  token: string;
  accountId: string;
  namespaceId: string;
  /** `CLOUDFLARE_API_BASE_URL`, for tests against the sandbox; default Cloudflare's. */
  baseUrl?: string;
};

export const CLOUDFLARE_API = 'https://api.cloudflare.com/client/v4';

type Envelope<T> = { success: boolean; errors?: { code: number; message: string }[]; result: T; result_info?: { cursor?: string } };

/** A refusal from the API, with Cloudflare's own codes and messages (bad token, unknown namespace…). */
export class CloudflareApiError extends Error {
  readonly status: number;

  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

export class CloudflareKv {
  readonly #base: string;
  readonly #token: string;

  constructor(options: CloudflareKvOptions) {
    this.#base = `${options.baseUrl ?? CLOUDFLARE_API}/accounts/${encodeURIComponent(options.accountId)}/storage/kv/namespaces/${encodeURIComponent(options.namespaceId)}`;
    this.#token = options.token;
  }

  async get(key: string, _type?: 'text'): Promise<string | null> {
    const response = await this.#fetch(`/values/${encodeURIComponent(key)}`);
    if (response.status === 404) return null;
    if (!response.ok) await this.#check(response, `get ${key}`); // throws with the API's reasons
    return response.text(); // a value is the raw bytes, not an envelope
  }

  async getWithMetadata<M = unknown>(key: string, _type?: 'text'): Promise<{ value: string | null; metadata: M | null }> {
    const value = await this.get(key);
    if (value === null) return { value: null, metadata: null };
    const response = await this.#fetch(`/metadata/${encodeURIComponent(key)}`);
    if (response.status === 404) return { value, metadata: null };
    const body = await this.#check<M | null>(response, `metadata of ${key}`);
    return { value, metadata: body.result ?? null };
  }

  async put(key: string, value: string, options: { metadata?: unknown } = {}): Promise<void> {
    const form = new FormData();
    form.set('value', value);
    if (options.metadata !== undefined) form.set('metadata', JSON.stringify(options.metadata));
    await this.#check(await this.#fetch(`/values/${encodeURIComponent(key)}`, { method: 'PUT', body: form }), `put ${key}`);
  }

  async list<M = unknown>(options: { prefix?: string; cursor?: string | null; limit?: number } = {}): Promise<{ keys: { name: string; metadata?: M }[]; list_complete: boolean; cursor?: string }> {
    const query = new URLSearchParams();
    if (options.prefix) query.set('prefix', options.prefix);
    if (options.cursor) query.set('cursor', options.cursor);
    query.set('limit', String(options.limit ?? 1000));
    const body = await this.#check<{ name: string; metadata?: M }[]>(await this.#fetch(`/keys?${query}`), 'list keys');
    const cursor = body.result_info?.cursor ?? '';
    return { keys: body.result, list_complete: cursor === '', ...(cursor ? { cursor } : {}) };
  }

  #fetch(path: string, init: RequestInit = {}): Promise<Response> {
    return fetch(`${this.#base}${path}`, { ...init, headers: { authorization: `Bearer ${this.#token}` } });
  }

  async #check<T>(response: Response, what: string): Promise<Envelope<T>> {
    const text = await response.text();
    let body: Envelope<T> | undefined;
    try {
      body = JSON.parse(text) as Envelope<T>;
    } catch {
      body = undefined;
    }
    if (!response.ok || !body?.success) {
      const reasons = body?.errors?.map((e) => `${e.code} ${e.message}`).join('; ') || text.slice(0, 200);
      throw new CloudflareApiError(response.status, `Cloudflare API: ${what} failed (HTTP ${response.status}): ${reasons}`);
    }
    return body;
  }
}
