import type { Platform } from '@kefu/core';
import { RulesStore, type KvLike, type RulesTarget } from '@kefu/rules-store';
import type { LayerRef, ResolvedView, RulesRemote } from './remote.ts';

/**
 * The rules store run here, over a KV namespace reached some other way than a worker: Cloudflare's
 * REST API (`CloudflareKv`). The clock is read here, the one place outside the store.
 */
export class StoreRulesRemote implements RulesRemote {
  readonly label: string;
  readonly platform: Platform;
  readonly namespace: string;
  readonly #store: RulesStore;

  constructor(platform: Platform, kv: KvLike, namespace: string, label: string) {
    this.platform = platform;
    this.#store = new RulesStore(kv);
    this.namespace = namespace;
    this.label = label;
  }

  async view(shop?: string): Promise<ResolvedView> {
    const resolution = await this.#store.resolve(this.platform, shop);
    const { outcome } = resolution;
    return {
      layers: resolution.layers.map((l) => ({ scope: l.scope, key: l.key, active: l.active, legacy: l.legacy, bytes: l.bytes })),
      resolved: outcome.kind === 'ok' ? { kind: 'ok', document: outcome.document } : { kind: 'invalid', errors: outcome.kind === 'invalid' ? outcome.errors : [{ path: '(root)', message: 'no rules stored for any of these layers' }] },
    };
  }

  versions(layer: LayerRef) {
    return this.#store.versions(this.#target(layer));
  }

  version(layer: LayerRef, version: number) {
    return this.#store.version(this.#target(layer), version);
  }

  check(layer: LayerRef, document: unknown) {
    return this.#store.check(this.#target(layer), document);
  }

  push(layer: LayerRef, input: { document: unknown; author: string; message: string; expectActive?: number | null }) {
    return this.#store.push(this.#target(layer), { ...input, now: Date.now() });
  }

  rollback(layer: LayerRef, input: { version?: number; author: string; message?: string; expectActive?: number | null }) {
    return this.#store.rollback(this.#target(layer), { ...input, now: Date.now() });
  }

  #target(layer: LayerRef): RulesTarget {
    return layer.scope === 'shop' ? { scope: 'shop', platform: this.platform, shop: layer.shop } : { scope: layer.scope, platform: this.platform };
  }
}
