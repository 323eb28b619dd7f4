import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RulesFileError } from '../rules-dir/read.ts';

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/**
 * Write a layer as a rules directory, the layout `readRulesDirectory` reads back into the same
 * document: `<key>.json` per top-level key, arrays of objects as a folder of files in order
 * (`faq/<id>.json`, numbered when the ids alone would sort differently from the array).
 *
 * A directory that already holds files is only replaced with `force` (its `.json` files and
 * array folders are removed first, so a rule deleted upstream does not linger).
 */
export async function writeLayer(dir: string, document: Record<string, unknown>, force: boolean): Promise<string[]> {
  const existing = await readdir(dir).catch(() => undefined);
  if (existing && existing.length > 0) {
    if (!force) throw new RulesFileError(dir, 'is not empty; pass --force to replace its rules files');
    for (const name of existing) {
      const path = join(dir, name);
      if (name.endsWith('.json')) await rm(path);
      else if ((await stat(path)).isDirectory() && Array.isArray(document[name])) await rm(path, { recursive: true });
    }
  }
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const [key, value] of Object.entries(document)) {
    if (Array.isArray(value) && value.every((item) => typeof item === 'object' && item !== null && !Array.isArray(item))) {
      const folder = join(dir, key);
      await mkdir(folder, { recursive: true });
      for (const [i, name] of fileNames(value as Record<string, unknown>[]).entries()) {
        await writeFile(join(folder, name), json(value[i]));
        written.push(join(folder, name));
      }
    } else {
      await writeFile(join(dir, `${key}.json`), json(value));
      written.push(join(dir, `${key}.json`));
    }
  }
  return written;
}

/** `<id>.json` when the ids are unique, file-name safe and already in sorted order; else numbered. */
function fileNames(items: readonly Record<string, unknown>[]): string[] {
  const ids = items.map((item) => (typeof item.id === 'string' ? item.id : ''));
  const safe = ids.every((id) => /^[\p{L}\p{N}_.-]+$/u.test(id)) && new Set(ids).size === ids.length;
  const sorted = [...ids].sort().every((id, i) => id === ids[i]);
  if (safe && sorted) return ids.map((id) => `${id}.json`);
  const width = String(items.length).length;
  return ids.map((id, i) => `${String(i + 1).padStart(Math.max(width, 2), '0')}${/^[\p{L}\p{N}_.-]+$/u.test(id) ? `-${id}` : ''}.json`);
}
