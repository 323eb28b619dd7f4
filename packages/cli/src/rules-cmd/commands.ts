import type { Platform } from '@kefu/core';
import type { LintFinding, RulesError } from '@kefu/core';
import { diffJson, summarize, type DiffEntry } from '@kefu/rules-store';
import { readLayer } from '../rules-layer/read-layer.ts';
import { writeLayer } from '../rules-layer/write-layer.ts';
import type { LayerRef, RulesRemote } from './remote.ts';

type Out = { log: (line: string) => void; error: (line: string) => void };

/** What every `cs rules` workflow command gets: the layer, the remotes holding it, who is acting. */
export type Workflow = { layer: LayerRef; remotes: RulesRemote[]; out: Out };

const describeLayer = (layer: LayerRef, platform: Platform) =>
  layer.scope === 'shop' ? `rules:shop:${platform}:${layer.shop}` : layer.scope === 'global' ? 'rules:global' : `rules:platform:${platform}`;

function showProblems(out: Out, label: string, errors: readonly RulesError[], lint: readonly LintFinding[]): void {
  out.error(`✗ ${label}:`);
  for (const e of errors) out.error(`    ✗ ${e.path}: ${e.message}`);
  for (const f of lint.filter((l) => l.level === 'error')) out.error(`    ✗ ${f.path}: ${f.message} [${f.code}]`);
}

/** The active document of a layer on one remote (null: no layer there yet). */
async function activeDocument(remote: RulesRemote, layer: LayerRef): Promise<{ version: number | null; document: unknown } | null> {
  const list = await remote.versions(layer);
  if (list.active !== null) {
    const read = await remote.version(layer, list.active);
    return read.kind === 'found' ? { version: list.active, document: read.document } : null;
  }
  if (list.legacy) {
    // A hand-written document: the resolved view shows no layer text, so say so rather than guess.
    return { version: null, document: undefined };
  }
  return null;
}

function printDiff(out: Out, entries: readonly DiffEntry[]): void {
  const short = (v: unknown) => {
    const text = JSON.stringify(v) ?? 'undefined';
    return text.length > 120 ? `${text.slice(0, 117)}…` : text;
  };
  for (const e of entries) {
    if (e.op === 'added') out.log(`  + ${e.path}: ${short(e.after)}`);
    else if (e.op === 'removed') out.log(`  - ${e.path}: ${short(e.before)}`);
    else out.log(`  ~ ${e.path}${e.note === 'order' ? ' (order)' : ''}: ${short(e.before)} → ${short(e.after)}`);
  }
}

/** `cs rules diff DIR`: what pushing DIR would change on each remote. Exit 0, or 1 with `--exit-code` when something differs. */
export async function diffCommand(w: Workflow, dir: string, exitCode: boolean): Promise<number> {
  const { document } = await readLayer(dir);
  let differs = false;
  for (const remote of w.remotes) {
    const key = describeLayer(w.layer, remote.platform);
    const active = await activeDocument(remote, w.layer);
    if (active?.version === null) {
      w.out.log(`${remote.label} ${key}: a hand-written (legacy) document is active; a push keeps it as a version first`);
      differs = true;
      continue;
    }
    const entries = diffJson(active?.document ?? {}, document);
    if (entries.length === 0) {
      w.out.log(`${remote.label} ${key}@${active?.version}: no changes`);
      continue;
    }
    differs = true;
    const counts = summarize(entries);
    w.out.log(`${remote.label} ${key}${active ? `@${active.version}` : ' (none yet)'} → ${dir}: ${counts.added} added, ${counts.removed} removed, ${counts.changed} changed`);
    printDiff(w.out, entries);
  }
  return exitCode && differs ? 1 : 0;
}

/**
 * `cs rules push DIR`: check on every remote first (schema, templates, merge with the other
 * layers, lint errors); if any refuses, nothing is written anywhere. Then push each with the
 * version it saw active, so a concurrent publish is a conflict, not an overwrite.
 */
export async function pushCommand(w: Workflow, dir: string, meta: { author: string; message: string }): Promise<number> {
  const { document } = await readLayer(dir);
  const seen: (number | null)[] = [];
  let refused = false;
  for (const remote of w.remotes) {
    const [check, list] = await Promise.all([remote.check(w.layer, document), remote.versions(w.layer)]);
    seen.push(list.active);
    if (!check.ok) {
      refused = true;
      showProblems(w.out, `${remote.label}: ${dir} merged with ${check.resolvedFor.layers.join(' + ') || 'nothing'}`, check.errors, check.lint);
    }
    for (const f of check.lint.filter((l) => l.level === 'warning')) w.out.log(`  ! ${remote.label} ${f.path}: ${f.message} [${f.code}]`);
  }
  if (refused) {
    w.out.error('nothing was pushed: fix the errors above (cs rules validate / lint show them in your files)');
    return 1;
  }
  let failed = 0;
  for (const [i, remote] of w.remotes.entries()) {
    const key = describeLayer(w.layer, remote.platform);
    const result = await remote.push(w.layer, { document, author: meta.author, message: meta.message, expectActive: seen[i] ?? null });
    if (result.kind === 'pushed') w.out.log(`✓ ${remote.label} ${key}@${result.version} active${result.parent ? ` (was @${result.parent})` : ''}${result.imported ? ` — the hand-written document was kept as @${result.imported}` : ''}`);
    else if (result.kind === 'unchanged') w.out.log(`= ${remote.label} ${key}@${result.version} already has exactly this; nothing written`);
    else if (result.kind === 'conflict') {
      failed += 1;
      w.out.error(`✗ ${remote.label} ${key}: someone published @${result.active} meanwhile (you saw @${result.expected ?? 'none'}); run cs rules diff and push again`);
    } else {
      failed += 1;
      showProblems(w.out, `${remote.label} ${key}`, result.errors, result.lint);
    }
  }
  return failed > 0 ? 1 : 0;
}

/** `cs rules pull OUT`: the active (or `--version N`) layer, or with `--resolved` the shop's merged rules, as a rules directory. */
export async function pullCommand(w: Workflow, out: string, options: { version?: number; resolved: boolean; force: boolean }): Promise<number> {
  const remote = w.remotes[0];
  if (!remote) return 2;
  let document: unknown;
  let what: string;
  if (options.resolved) {
    const view = await remote.view(w.layer.scope === 'shop' ? w.layer.shop : undefined);
    if (view.resolved.kind !== 'ok') {
      showProblems(w.out, `${remote.label}: the merged rules are invalid`, view.resolved.errors, []);
      return 1;
    }
    document = view.resolved.document;
    what = `resolved rules (${view.layers.filter((l) => l.active || l.legacy).map((l) => (l.active ? `${l.key}@${l.active.version}` : `${l.key} (hand-written)`)).join(' + ')})`;
  } else {
    const list = await remote.versions(w.layer);
    const version = options.version ?? list.active;
    if (version === null) {
      w.out.error(`${remote.label} ${describeLayer(w.layer, remote.platform)}: ${list.legacy ? 'a hand-written document is active and has no version yet; pull --resolved, or push once to version it' : 'no layer here yet'}`);
      return 1;
    }
    const read = await remote.version(w.layer, version);
    if (read.kind === 'not_found') {
      w.out.error(`${remote.label}: no version ${version} of ${describeLayer(w.layer, remote.platform)}`);
      return 1;
    }
    document = read.document;
    what = `${describeLayer(w.layer, remote.platform)}@${version}`;
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    w.out.error(`${remote.label}: ${what} is not a JSON object`);
    return 1;
  }
  const files = await writeLayer(out, document as Record<string, unknown>, options.force);
  w.out.log(`${remote.label}: ${what} → ${out} (${files.length} files)`);
  return 0;
}

/** `cs rules history`: each remote's versions of the layer, newest first, the active one marked. */
export async function historyCommand(w: Workflow): Promise<number> {
  for (const remote of w.remotes) {
    const list = await remote.versions(w.layer);
    w.out.log(`${remote.label} ${list.key}${list.legacy ? ' — a hand-written (legacy) document is active' : ''}`);
    if (list.versions.length === 0) w.out.log('  (no versions)');
    for (const v of list.versions) {
      const when = new Date(v.publishedAt).toISOString().replace('T', ' ').slice(0, 19);
      w.out.log(`  ${v.active ? '*' : ' '} @${String(v.version).padEnd(4)} ${when}Z  ${v.author.padEnd(16)} ${v.sha256.slice(0, 10)}  ${String(v.bytes).padStart(8)} B  ${v.message}`);
    }
  }
  return 0;
}

/** `cs rules rollback [N]`: point the layer at version N (default: the one active before), validated first. */
export async function rollbackCommand(w: Workflow, version: number | undefined, meta: { author: string; message?: string }): Promise<number> {
  let failed = 0;
  for (const remote of w.remotes) {
    const key = describeLayer(w.layer, remote.platform);
    const result = await remote.rollback(w.layer, { ...(version !== undefined ? { version } : {}), author: meta.author, ...(meta.message ? { message: meta.message } : {}) });
    if (result.kind === 'rolled_back') w.out.log(result.from === result.version ? `= ${remote.label} ${key}@${result.version} was already active` : `✓ ${remote.label} ${key}@${result.version} active (was @${result.from ?? 'none'})`);
    else {
      failed += 1;
      if (result.kind === 'not_found') w.out.error(`✗ ${remote.label} ${key}: ${result.reason}`);
      else if (result.kind === 'conflict') w.out.error(`✗ ${remote.label} ${key}: the active version moved (now @${result.active})`);
      else showProblems(w.out, `${remote.label} ${key}: that version does not validate with the other layers now`, result.errors, result.lint);
    }
  }
  return failed > 0 ? 1 : 0;
}

/** `cs rules show --platform P [--shop S]`: each layer's active version, and which layer set each top-level part of the merged rules. */
export async function showCommand(w: Workflow, shop: string | undefined, json: boolean): Promise<number> {
  const remote = w.remotes[0];
  if (!remote) return 2;
  const view = await remote.view(shop);
  if (json) {
    w.out.log(JSON.stringify(view.resolved.kind === 'ok' ? view.resolved.document : view.resolved, null, 2));
    return view.resolved.kind === 'ok' ? 0 : 1;
  }
  w.out.log(`${remote.label}${shop ? ` shop ${shop}` : ''}: layers, least specific first`);
  const layerDocs: { key: string; document: Record<string, unknown> }[] = [];
  for (const l of view.layers) {
    const state = l.active ? `@${l.active.version} by ${l.active.author}, ${new Date(l.active.publishedAt).toISOString().slice(0, 16).replace('T', ' ')}Z — ${l.active.message}` : l.legacy ? 'hand-written (legacy) document' : '—';
    w.out.log(`  ${l.scope.padEnd(8)} ${l.key.padEnd(36)} ${state}`);
    if (l.active) {
      const read = await remote.version(l.scope === 'shop' ? { scope: 'shop', shop: shop ?? '' } : { scope: l.scope }, l.active.version);
      if (read.kind === 'found' && typeof read.document === 'object' && read.document) layerDocs.push({ key: `${l.key}@${l.active.version}`, document: read.document as Record<string, unknown> });
    }
  }
  if (view.resolved.kind !== 'ok') {
    showProblems(w.out, 'the merged rules are invalid', view.resolved.errors, []);
    return 1;
  }
  w.out.log('resolved: where each part comes from');
  for (const key of Object.keys(view.resolved.document)) {
    const from = layerDocs.filter((l) => key in l.document).map((l) => l.key);
    const faqNote = key === 'faq' ? ` (${(view.resolved.document.faq as unknown[]).length} rules)` : '';
    w.out.log(`  ${key.padEnd(12)} ${from.length > 0 ? from.join(' ← ') : '(defaults)'}${faqNote}`);
  }
  return 0;
}
