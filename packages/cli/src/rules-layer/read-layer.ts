import { readFile, stat } from 'node:fs/promises';
import { readRulesDirectory, RulesFileError } from '../rules-dir/read.ts';

/** A layer as the shop wrote it: the document, and which file each part came from (for messages). */
export type LayerSource = { document: Record<string, unknown>; sources: Map<string, string> };

/**
 * Read a layer to push: a rules directory (`rules/`, or a shop's folder holding only what it
 * overrides: `shop.json`, `hours.json`, `faq/…`) or one JSON file with the whole layer.
 */
export async function readLayer(path: string): Promise<LayerSource> {
  const info = await stat(path).catch(() => undefined);
  if (!info) throw new RulesFileError(path, 'no such file or directory');
  if (info.isDirectory()) return readRulesDirectory(path);
  const text = await readFile(path, 'utf8');
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (cause) {
    throw new RulesFileError(path, `not valid JSON (${(cause as Error).message})`, { cause });
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document)) throw new RulesFileError(path, 'a rules layer is a JSON object');
  return { document: document as Record<string, unknown>, sources: new Map(Object.keys(document).map((k) => [k, path])) };
}
