import { PLATFORMS, type Platform } from '@kefu/core';
import { execFileSync } from 'node:child_process';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { stringFlag, UsageError, type Args } from '../args.ts';
import { diffCommand, historyCommand, pullCommand, pushCommand, rollbackCommand, showCommand, type Workflow } from './commands.ts';
import type { LayerRef } from './remote.ts';
import { remotesFor, type Where } from './remotes.ts';

export const RULES_WORKFLOW_COMMANDS = ['diff', 'push', 'pull', 'history', 'rollback', 'show'] as const;

const platformOf = (name: string): Platform => {
  if ((PLATFORMS as readonly string[]).includes(name)) return name as Platform;
  throw new UsageError(`--platform must be one of ${PLATFORMS.join(', ')}`);
};

/**
 * Which layer: `--shop S` (needs `--platform`) → that shop's layer; `--platform P` → the platform's
 * default; neither → the global layer, in every platform's namespace (`--only p1,p2` narrows it).
 */
function layerOf(args: Args): { layer: LayerRef; platforms: Platform[] } {
  const platform = stringFlag(args, 'platform', '');
  const shop = stringFlag(args, 'shop', '');
  if (shop && !platform) throw new UsageError('--shop needs --platform (a shop id belongs to one platform)');
  if (shop) return { layer: { scope: 'shop', shop }, platforms: [platformOf(platform)] };
  if (platform) return { layer: { scope: 'platform' }, platforms: [platformOf(platform)] };
  const only = stringFlag(args, 'only', '');
  return { layer: { scope: 'global' }, platforms: only ? only.split(',').map((p) => platformOf(p.trim())) : [...PLATFORMS] };
}

/** Who is publishing: `--author`, else git's user.email, else the login name. */
function authorOf(args: Args): string {
  const flag = stringFlag(args, 'author', '');
  if (flag) return flag;
  try {
    const email = execFileSync('git', ['config', 'user.email'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (email) return email;
  } catch {
    // no git, or no user.email: fall through
  }
  return userInfo().username || 'unknown';
}

/** `cs rules diff|push|pull|history|rollback|show`. */
export async function rulesWorkflow(sub: (typeof RULES_WORKFLOW_COMMANDS)[number], args: Args, positional: readonly string[], out: Workflow['out']): Promise<number> {
  const { layer, platforms } = layerOf(args);
  const where: Where = args.flags.has('local') ? { kind: 'local' } : { kind: 'cloudflare', env: process.env, ...(stringFlag(args, 'namespace', '') ? { namespace: stringFlag(args, 'namespace', '') } : {}) };
  const single = sub === 'pull' || sub === 'show';
  if (single && layer.scope === 'global' && platforms.length > 1) {
    // One platform's namespace is enough to read the global layer or a merged view.
    platforms.splice(1);
  }
  if (sub === 'show' && layer.scope === 'global') throw new UsageError('show needs --platform P [--shop S]: the resolved rules are per platform and shop');
  const w: Workflow = { layer, remotes: await remotesFor(platforms, where), out };
  const dir = resolve(positional[0] ?? 'rules');
  switch (sub) {
    case 'diff':
      return diffCommand(w, dir, args.flags.has('exit-code'));
    case 'push': {
      const message = stringFlag(args, 'message', '');
      if (!message) throw new UsageError('push needs -m "what changed and why" (kept in the history)');
      return pushCommand(w, dir, { author: authorOf(args), message });
    }
    case 'pull': {
      if (!positional[0]) throw new UsageError('pull needs the folder to write into');
      const version = stringFlag(args, 'version', '');
      if (version && !/^[1-9]\d*$/.test(version)) throw new UsageError('--version must be a version number');
      return pullCommand(w, dir, { ...(version ? { version: Number(version) } : {}), resolved: args.flags.has('resolved'), force: args.flags.has('force') });
    }
    case 'history':
      return historyCommand(w);
    case 'rollback': {
      const version = positional[0];
      if (version !== undefined && !/^[1-9]\d*$/.test(version)) throw new UsageError('rollback takes a version number (default: the version active before)');
      const message = stringFlag(args, 'message', '');
      return rollbackCommand(w, version === undefined ? undefined : Number(version), { author: authorOf(args), ...(message ? { message } : {}) });
    }
    case 'show':
      return showCommand(w, layer.scope === 'shop' ? layer.shop : undefined, args.flags.has('json'));
  }
}
