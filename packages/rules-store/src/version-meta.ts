import { z } from 'zod';
import { versionOfKey } from './keys.ts';

/** KV metadata of one immutable version (`<base>@<N>`). */
const versionMetaSchema = z.object({
  version: z.number().int().positive(),
  sha256: z.string(),
  publishedAt: z.number(),
  author: z.string(),
  message: z.string(),
  /** The version active when this one was pushed (null: none). */
  parent: z.number().int().positive().nullable(),
  /** UTF-8 size of the document text. */
  bytes: z.number().int().nonnegative(),
});
export type VersionMeta = z.infer<typeof versionMetaSchema>;

/** Workers KV refuses metadata over 1,024 bytes serialised; leave room for JSON's own overhead. */
const METADATA_MAX_BYTES = 1_000;
export const AUTHOR_MAX_CHARS = 64;

/** An author as stored: at most 64 characters. */
export function cutAuthor(author: string): string {
  return [...author].slice(0, AUTHOR_MAX_CHARS).join('');
}

/**
 * The metadata as written to KV: `author` and `message` percent-encoded, so the metadata is ASCII
 * (local KV carries it in an HTTP header), and the message cut (marked …) to fit KV's limit. The
 * pointer keeps the whole message.
 */
export function storedVersionMeta(meta: VersionMeta): VersionMeta {
  const author = encodeURIComponent(cutAuthor(meta.author));
  let chars = [...meta.message];
  let stored: VersionMeta = { ...meta, author, message: encodeURIComponent(meta.message) };
  for (let over = overBy(stored); over > 0 && chars.length > 0; over = overBy(stored)) {
    chars = chars.slice(0, Math.max(0, chars.length - Math.max(1, Math.ceil(over / 9))));
    stored = { ...meta, author, message: encodeURIComponent(`${chars.join('')}…`) };
  }
  return stored;
}

/** A version's metadata from KV (decoded); a version written without it (by hand) still lists, with blanks. */
export function readVersionMeta(base: string, key: string, metadata: unknown): VersionMeta | undefined {
  const version = versionOfKey(base, key);
  if (version === undefined) return undefined;
  const parsed = versionMetaSchema.safeParse(metadata);
  if (parsed.success && parsed.data.version === version) return { ...parsed.data, author: decode(parsed.data.author), message: decode(parsed.data.message) };
  return { version, sha256: '', publishedAt: 0, author: '', message: '(no metadata)', parent: null, bytes: 0 };
}

export function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

function overBy(meta: VersionMeta): number {
  return utf8Length(JSON.stringify(meta)) - METADATA_MAX_BYTES;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
