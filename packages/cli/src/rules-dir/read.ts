import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';

/** A rules directory read into one document, and which file each top-level part came from. */
export type RulesDirectory = {
  document: Record<string, unknown>;
  /** `shop` → `rules/shop.json`, `faq[3]` → `rules/faq/discount.json`. */
  sources: Map<string, string>;
};

/** A file or folder that could not be read as JSON, named so the shop can fix it. */
export class RulesFileError extends Error {
  readonly file: string;

  constructor(file: string, message: string, options?: { cause: unknown }) {
    super(`${file}: ${message}`, options);
    this.file = file;
  }
}

async function readJson(file: string): Promise<unknown> {
  const text = await readFile(file, 'utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new RulesFileError(file, `not valid JSON (${(cause as Error).message})`, { cause });
  }
}

/**
 * Read a rules directory: each `<key>.json` becomes `document[key]`, each `<key>/` folder of
 * `*.json` files becomes an array `document[key]` in file-name order (`faq/*.json` → `faq`).
 * This is the same document a shop stores in KV.
 */
export async function readRulesDirectory(dir: string): Promise<RulesDirectory> {
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) throw new RulesFileError(dir, 'not a rules directory');
  const document: Record<string, unknown> = {};
  const sources = new Map<string, string>();
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isFile() && entry.name.endsWith('.json')) {
      const key = basename(entry.name, '.json');
      document[key] = await readJson(path);
      sources.set(key, path);
    } else if (entry.isDirectory()) {
      const files = (await readdir(path)).filter((f) => f.endsWith('.json')).sort();
      sources.set(entry.name, path);
      document[entry.name] = await Promise.all(
        files.map(async (file, i) => {
          sources.set(`${entry.name}[${i}]`, join(path, file));
          return readJson(join(path, file));
        }),
      );
    }
  }
  return { document, sources };
}

/** Say a rules path the way the shop sees its files: `faq[3].answers[1]` → `rules/faq/x.json: answers[1]`. */
export function locate(path: string, sources: ReadonlyMap<string, string>): string {
  const match = /^(\w+)(\[\d+\])?(.*)$/.exec(path);
  if (!match) return path;
  const [, key = '', index = '', rest = ''] = match;
  const file = sources.get(key + index) ?? sources.get(key);
  if (!file) return path;
  const inner = (sources.has(key + index) ? rest : index + rest).replace(/^\./, '');
  return inner ? `${file}: ${inner}` : file;
}
