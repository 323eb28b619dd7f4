export { firstVersionEntries } from './seed.ts';
export { layerTargets, RULES_SCOPES, scopeKey, versionKey, versionOfKey, type RulesScope, type RulesTarget } from './keys.ts';
export type { KvBulkEntry, KvLike, KvListPage } from './kv-like.ts';
export { POINTER_FORMAT, pointerText, readHead, type HeadState, type PointerMeta } from './pointer.ts';
export { combinationOf, type Candidate, type CachedVersion, type LayerHead, type Resolution, type ResolvedLayer, type ResolvedOutcome, type VersionCache } from './resolve.ts';
export { RulesStore, type CheckResult, type PushInput, type PushResult, type RollbackInput, type RollbackResult, type VersionList, type VersionRead } from './rules-store.ts';
export { AUTHOR_MAX_CHARS, type VersionMeta } from './version-meta.ts';
export { diffJson, jsonEqual, preview, summarize, type DiffEntry } from './diff/json-diff.ts';
