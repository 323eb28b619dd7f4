import { digestText } from './digest.ts';
import { versionKey } from './keys.ts';
import type { KvBulkEntry } from './kv-like.ts';
import { pointerText } from './pointer.ts';
import { cutAuthor, storedVersionMeta } from './version-meta.ts';

/**
 * The KV entries that make `text` version 1 of a scope and active: for seeding an empty namespace
 * in one bulk write (the local stack). Validating the document is the caller's business.
 */
export async function firstVersionEntries(base: string, text: string, o: { now: number; author: string; message: string }): Promise<KvBulkEntry[]> {
  const digest = await digestText(text);
  const author = cutAuthor(o.author);
  return [
    { key: versionKey(base, 1), value: text, metadata: storedVersionMeta({ version: 1, ...digest, publishedAt: o.now, author, message: o.message, parent: null }) },
    { key: base, value: pointerText({ version: 1, sha256: digest.sha256, publishedAt: o.now, author, message: o.message }) },
  ];
}
