import type { Platform } from '@kefu/core';
import type { Context } from 'hono';
import { diffJson } from '@kefu/rules-store';
import type { AppEnv } from '../env.ts';
import { diffPayload } from '../pages/diff-view.tsx';
import type { EditorModel, EditorTarget } from '../pages/editor-page.tsx';
import { platformClients, rulesView, version, versions } from '../platforms/admin.ts';
import type { Scope } from '../platforms/contract.ts';
import { configuredPlatforms, platformTargets } from '../platforms/targets.ts';

/** The platforms a publish of this scope goes to: every managed one for global, else the one named. */
export function publishTargets(c: Context<AppEnv>, scope: Scope, platform: Platform | undefined): Platform[] {
  if (scope !== 'global') return platform ? [platform] : [];
  return configuredPlatforms(platformTargets(c.env));
}

/** An empty layer: what a new layer starts from. */
const EMPTY = '{\n}\n';

/**
 * Everything the editor shows for a layer: the active version on each target (for expectActive),
 * the reference platform's active document as the starting text, and the diff of `text` against it.
 */
export async function loadEditor(c: Context<AppEnv>, scope: Scope, platform: Platform, shop: string | undefined, text?: string): Promise<EditorModel> {
  const { clients } = platformClients(c.env);
  const names = publishTargets(c, scope, platform);
  const targetsOf = names.includes(platform) ? names : [platform, ...names];
  const loaded = await Promise.all(
    targetsOf.map(async (p): Promise<EditorTarget & { view?: Awaited<ReturnType<typeof rulesView>> }> => {
      const [list, view] = await Promise.all([versions(clients[p], scope, shop), rulesView(clients[p], scope === 'shop' ? shop : undefined)]);
      const legacy = view.ok ? (view.data.layers.find((l) => l.scope === scope)?.legacy ?? false) : false;
      return { platform: p, active: list.ok ? list.data.active : undefined, legacy, failure: list.ok ? null : list };
    }),
  );
  const targets = loaded.filter((t) => names.includes(t.platform) || t.platform === platform);
  const reference = loaded.find((t) => t.platform === platform);
  const against = reference?.active ?? null;
  let document: unknown = undefined;
  let loadFailure = reference?.failure ?? null;
  if (typeof against === 'number') {
    const v = await version(clients[platform], scope, shop, against);
    if (v.ok) document = v.data.document;
    else loadFailure = v;
  }
  const startText = document === undefined ? EMPTY : `${JSON.stringify(document, null, 2)}\n`;
  const shown = text ?? startText;
  let diff: EditorModel['diff'] = null;
  if (loadFailure === null) {
    try {
      diff = diffPayload(against, diffJson(document ?? {}, JSON.parse(shown)));
    } catch {
      diff = null; // not JSON yet: the island reports the syntax error
    }
  }
  return { scope, platform, shop, targets, text: shown, against, diff, loadFailure };
}
