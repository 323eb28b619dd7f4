import { lintRules, shopTemplateValues, type LintFinding, type Platform, type RulesError } from '@kefu/core';
import { digestText } from './digest.ts';
import { scopeKey, versionKey, type RulesScope, type RulesTarget } from './keys.ts';
import type { KvLike } from './kv-like.ts';
import { pointerText, readHead, type HeadState } from './pointer.ts';
import { parseJson, readHeads, resolveHeads, type Candidate, type LayerHead, type Resolution, type VersionCache } from './resolve.ts';
import { cutAuthor, readVersionMeta, storedVersionMeta, type VersionMeta } from './version-meta.ts';

/** A scope's history, newest first. */
export type VersionList = {
  scope: RulesScope;
  key: string;
  /** The active version (null: none, or a legacy document is active). */
  active: number | null;
  /** The base key holds a hand-written document, not a pointer. */
  legacy: boolean;
  versions: (VersionMeta & { active: boolean })[];
};

export type VersionRead =
  | { kind: 'found'; meta: VersionMeta; document: unknown }
  | { kind: 'not_found' };

/** What a push would say (and `check` says): errors and lint *errors* block, warnings do not. */
export type CheckResult = {
  ok: boolean;
  errors: RulesError[];
  lint: LintFinding[];
  /** Which layers the candidate was merged with (labels like `rules:global@3`). */
  resolvedFor: { platform: Platform; shop: string | null; layers: string[] };
};

export type PushInput = {
  document: unknown;
  author: string;
  message: string;
  /** When the push happens (ms); the store never reads the clock. */
  now: number;
  /** The version the pusher saw active (null: none). Omitted: no check. */
  expectActive?: number | null;
};

export type PushResult =
  /** Version `version` is written and active; `imported`: a legacy document kept as a version first. */
  | { kind: 'pushed'; version: number; sha256: string; parent: number | null; imported?: number }
  /** Same text as the active version: nothing written. */
  | { kind: 'unchanged'; version: number; sha256: string }
  | { kind: 'invalid'; errors: RulesError[]; lint: LintFinding[] }
  /** The pointer moved since the pusher looked (`expectActive`). */
  | { kind: 'conflict'; active: number | null; expected: number | null };

export type RollbackInput = {
  /** Omitted: the version that was active before the active one (its `parent`). */
  version?: number;
  author: string;
  message?: string;
  now: number;
  expectActive?: number | null;
};

export type RollbackResult =
  /** The pointer names `version` now (`from`: what it named before; equal when nothing changed). */
  | { kind: 'rolled_back'; version: number; from: number | null }
  | { kind: 'not_found'; reason: string }
  | { kind: 'invalid'; errors: RulesError[]; lint: LintFinding[] }
  | { kind: 'conflict'; active: number | null; expected: number | null };

/** Guard against a runaway search for a free version number. */
const MAX_VERSION_PROBES = 1_000;

/**
 * Rules in one KV namespace (one platform app's `RULES`): per scope, immutable versions
 * `<base>@<N>` and an active pointer at `<base>`, layered global → platform → shop (rules/README.md).
 * A push writes the version, then the pointer: a reader sees the old or the new pointer, each
 * naming a complete version. KV has no compare-and-swap, so `expectActive` catches a pointer that
 * moved before the push started, not one that moves during it.
 */
export class RulesStore {
  readonly #kv: KvLike;
  readonly #cache: VersionCache | undefined;

  constructor(kv: KvLike, options: { cache?: VersionCache } = {}) {
    this.#kv = kv;
    this.#cache = options.cache;
  }

  /** The base keys of the layers for (platform, shop): one small read each, in parallel. */
  heads(platform: Platform, shop?: string): Promise<LayerHead[]> {
    return readHeads(this.#kv, platform, shop);
  }

  /** Merge and validate what the heads name (versions from the cache when given one). */
  resolveHeads(platform: Platform, shop: string | null, heads: readonly LayerHead[], candidate?: Candidate): Promise<Resolution> {
    return resolveHeads(this.#kv, platform, shop, heads, { ...(this.#cache ? { cache: this.#cache } : {}), ...(candidate ? { candidate } : {}) });
  }

  /** The rules for (platform, shop) as KV holds them now: layers, merged document, errors. */
  async resolve(platform: Platform, shop?: string): Promise<Resolution> {
    return this.resolveHeads(platform, shop ?? null, await this.heads(platform, shop));
  }

  /** What a scope's base key holds. */
  async head(target: RulesTarget): Promise<HeadState> {
    return readHead(await this.#kv.get(scopeKey(target), 'text'));
  }

  /** A scope's versions, newest first, the active one marked. */
  async versions(target: RulesTarget): Promise<VersionList> {
    const key = scopeKey(target);
    const [head, versions] = await Promise.all([this.head(target), this.#listVersions(key)]);
    const active = head.kind === 'pointer' ? head.pointer.version : null;
    return { scope: target.scope, key, active, legacy: head.kind === 'legacy', versions: versions.map((v) => ({ ...v, active: v.version === active })) };
  }

  /** One version's metadata and document. */
  async version(target: RulesTarget, version: number): Promise<VersionRead> {
    const base = scopeKey(target);
    const key = versionKey(base, version);
    const { value, metadata } = await this.#kv.getWithMetadata(key, 'text');
    if (value === null) return { kind: 'not_found' };
    const parsed = parseJson(value);
    let meta = readVersionMeta(base, key, metadata)!;
    if (meta.sha256 === '') meta = { ...meta, ...(await digestText(value)) };
    return { kind: 'found', meta, document: parsed.ok ? parsed.value : value };
  }

  /** Validate and lint a document as the scope's layer, merged with the other active layers. Writes nothing. */
  async check(target: RulesTarget, document: unknown): Promise<CheckResult> {
    const shop = target.scope === 'shop' ? target.shop : undefined;
    const resolution = await this.resolveHeads(target.platform, shop ?? null, await this.heads(target.platform, shop), { scope: target.scope, document });
    const resolvedFor = { platform: target.platform, shop: shop ?? null, layers: resolution.layers.filter((l) => l.exists).map((l) => l.label) };
    const { outcome } = resolution;
    if (outcome.kind !== 'ok') return { ok: false, errors: outcome.kind === 'invalid' ? outcome.errors : [], lint: [], resolvedFor };
    const lint = lintRules(outcome.rules, shopTemplateValues(outcome.rules.shop));
    return { ok: !lint.some((f) => f.level === 'error'), errors: [], lint, resolvedFor };
  }

  /** Validate, lint, then write version N+1 and point the scope at it. */
  async push(target: RulesTarget, input: PushInput): Promise<PushResult> {
    const key = scopeKey(target);
    const head = await this.head(target);
    const active = head.kind === 'pointer' ? head.pointer.version : null;
    if (input.expectActive !== undefined && input.expectActive !== active) return { kind: 'conflict', active, expected: input.expectActive };
    const checked = await this.check(target, input.document);
    if (!checked.ok) return { kind: 'invalid', errors: checked.errors, lint: checked.lint };
    const text = JSON.stringify(input.document);
    const digest = await digestText(text);
    if (head.kind === 'pointer' && head.pointer.sha256 === digest.sha256) return { kind: 'unchanged', version: head.pointer.version, sha256: digest.sha256 };

    const imported = await this.#keepLegacy(key, head, input.now, 'pushed over');
    const parent = imported ?? active;
    const version = await this.#freeVersion(key, parent ?? 0);
    const author = cutAuthor(input.author);
    const metadata = storedVersionMeta({ version, ...digest, publishedAt: input.now, author, message: input.message, parent });
    await this.#kv.put(versionKey(key, version), text, { metadata });
    await this.#kv.put(key, pointerText({ version, sha256: digest.sha256, publishedAt: input.now, author, message: input.message }));
    return { kind: 'pushed', version, sha256: digest.sha256, parent, ...(imported !== undefined ? { imported } : {}) };
  }

  /** Point the scope at an existing version again (default: the active version's parent), validated first. */
  async rollback(target: RulesTarget, input: RollbackInput): Promise<RollbackResult> {
    const key = scopeKey(target);
    const head = await this.head(target);
    const active = head.kind === 'pointer' ? head.pointer.version : null;
    if (input.expectActive !== undefined && input.expectActive !== active) return { kind: 'conflict', active, expected: input.expectActive };
    let wanted = input.version;
    if (wanted === undefined) {
      if (active === null) return { kind: 'not_found', reason: `${key} has no active version to roll back from: name a version` };
      const current = await this.version(target, active);
      const parent = current.kind === 'found' ? current.meta.parent : null;
      if (parent === null) return { kind: 'not_found', reason: `${key}@${active} has no previous version` };
      wanted = parent;
    }
    const chosen = await this.version(target, wanted);
    if (chosen.kind === 'not_found') return { kind: 'not_found', reason: `${key} has no version ${wanted}` };
    if (wanted === active) return { kind: 'rolled_back', version: wanted, from: active };
    const checked = await this.check(target, chosen.document);
    if (!checked.ok) return { kind: 'invalid', errors: checked.errors, lint: checked.lint };

    const from = (await this.#keepLegacy(key, head, input.now, 'rolled back over')) ?? active;
    const message = input.message ?? `rollback to version ${wanted}`;
    await this.#kv.put(key, pointerText({ version: wanted, sha256: chosen.meta.sha256, publishedAt: input.now, author: cutAuthor(input.author), message, ...(from !== null ? { rolledBackFrom: from } : {}) }));
    return { kind: 'rolled_back', version: wanted, from };
  }

  async #listVersions(key: string): Promise<VersionMeta[]> {
    const found: VersionMeta[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.#kv.list({ prefix: `${key}@`, ...(cursor ? { cursor } : {}) });
      for (const k of page.keys) {
        const meta = readVersionMeta(key, k.name, k.metadata);
        if (meta) found.push(meta);
      }
      cursor = page.list_complete ? undefined : page.cursor;
    } while (cursor);
    return found.sort((a, b) => b.version - a.version);
  }

  /**
   * The next version number: above every listed version and `atLeast`. KV lists lag writes by up
   * to a minute away from the writer, so the number is also probed until free: versions are
   * never overwritten.
   */
  async #freeVersion(key: string, atLeast: number): Promise<number> {
    const listed = await this.#listVersions(key);
    let version = Math.max(atLeast, listed[0]?.version ?? 0) + 1;
    for (let probes = 0; probes < MAX_VERSION_PROBES; probes += 1, version += 1) {
      if ((await this.#kv.get(versionKey(key, version), 'text')) === null) return version;
    }
    throw new Error(`${key}: no free version number after ${MAX_VERSION_PROBES} probes`);
  }

  /**
   * A hand-written document about to be replaced by a pointer is kept as a version first, so
   * history holds it and a rollback can return to it. Not JSON: nothing to keep.
   */
  async #keepLegacy(key: string, head: HeadState, now: number, why: string): Promise<number | undefined> {
    if (head.kind !== 'legacy' || !parseJson(head.raw).ok) return undefined;
    const version = await this.#freeVersion(key, 0);
    const digest = await digestText(head.raw);
    const metadata = storedVersionMeta({ version, ...digest, publishedAt: now, author: '(hand-written)', message: `the legacy document at ${key}, kept when it was ${why}`, parent: null });
    await this.#kv.put(versionKey(key, version), head.raw, { metadata });
    return version;
  }
}
