import type { Platform } from '@kefu/core';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { REPO_ROOT } from '../stack/stack-layout.ts';
import { parseJsonc } from './jsonc.ts';

/** The placeholder a fresh checkout has until the shop creates its namespace (apps/<p>/README.md). */
const PLACEHOLDER = /^REPLACE_/;

/** The KV namespace id bound as RULES in an app's wrangler.jsonc, or why there is none yet. */
export async function rulesNamespaceId(platform: Platform, root = REPO_ROOT): Promise<{ id: string } | { error: string }> {
  const file = join(root, 'apps', platform, 'wrangler.jsonc');
  const config = parseJsonc(await readFile(file, 'utf8')) as { kv_namespaces?: { binding: string; id?: string }[] };
  const id = config.kv_namespaces?.find((n) => n.binding === 'RULES')?.id;
  if (!id) return { error: `${file} binds no RULES namespace` };
  if (PLACEHOLDER.test(id)) return { error: `${file}: RULES has no namespace id yet ("${id}"); create it with \`wrangler kv namespace create RULES\` and put its id there` };
  return { id };
}
