import { z } from 'zod';

/** The format tag of an active pointer: a value with this `pointer` field is not a rules layer. */
export const POINTER_FORMAT = 'kefu.rules/1';

/**
 * A pointer is a few hundred bytes; a longer value at a base key is a hand-written document, read
 * without parsing it on every message just to look for a `pointer` field.
 */
const POINTER_MAX_CHARS = 16_384;

const version = z.number().int().positive();

const pointerSchema = z.object({
  pointer: z.literal(POINTER_FORMAT),
  version,
  sha256: z.string(),
  publishedAt: z.number(),
  author: z.string(),
  message: z.string(),
  /** Set by a rollback: the version that was active before it. */
  rolledBackFrom: version.optional(),
});

/** What a scope's base key says is active. */
export type PointerMeta = Omit<z.infer<typeof pointerSchema>, 'pointer'>;

/** What a scope's base key holds. */
export type HeadState =
  /** Nothing: the scope has no layer. */
  | { kind: 'none' }
  /** An active pointer naming version `pointer.version`. */
  | { kind: 'pointer'; pointer: PointerMeta }
  /** A document written by hand (`wrangler kv key put`, before versions): the layer itself, used as is. */
  | { kind: 'legacy'; raw: string }
  /** A value with a `pointer` field that is not a valid pointer: the scope cannot be read. */
  | { kind: 'broken'; reason: string };

/** Tell an active pointer from a legacy document (no `pointer` field) at a base key. */
export function readHead(raw: string | null): HeadState {
  if (raw === null) return { kind: 'none' };
  if (raw.length > POINTER_MAX_CHARS) return { kind: 'legacy', raw };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { kind: 'legacy', raw }; // not JSON: a broken hand-written document, reported when it is merged
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !('pointer' in value)) return { kind: 'legacy', raw };
  const parsed = pointerSchema.safeParse(value);
  if (!parsed.success) return { kind: 'broken', reason: `not a valid ${POINTER_FORMAT} pointer: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'} ${i.message}`).join('; ')}` };
  const { pointer: _format, ...meta } = parsed.data;
  return { kind: 'pointer', pointer: meta };
}

/** The text written to a base key to make a version active. */
export function pointerText(meta: PointerMeta): string {
  return JSON.stringify({ pointer: POINTER_FORMAT, ...meta });
}
