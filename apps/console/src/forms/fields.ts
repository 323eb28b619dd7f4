import { PLATFORMS } from '@kefu/core';
import { z } from 'zod';
import { ESCALATION_STATUSES, SCOPES } from '../platforms/contract.ts';

// The fields forms and query strings share. Empty strings (an untouched <select>/<input>) read as absent.

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

export const platformField = z.enum(PLATFORMS, { error: `platform must be one of ${PLATFORMS.join(', ')}` });
export const optionalPlatform = z.preprocess(blankToUndefined, platformField.optional());
export const scopeField = z.enum(SCOPES, { error: `scope must be one of ${SCOPES.join(', ')}` });

/** A shop id as the platforms spell it: letters, digits and `-_.:@`, up to 128. */
export const shopField = z
  .string()
  .trim()
  .min(1)
  .max(128)
  .regex(/^[\w.:@-]+$/, 'shop id: letters, digits and - _ . : @ only');
export const optionalShop = z.preprocess(blankToUndefined, shopField.optional());

export const statusField = z.preprocess(blankToUndefined, z.enum(ESCALATION_STATUSES).default('open'));

/** A version number from a form field. */
export const versionField = z.coerce.number().int().positive();
export const optionalVersion = z.preprocess(blankToUndefined, versionField.optional());

/**
 * `expect_<platform>`: the active version the editor was loaded with (`expectActive`); `none` = no
 * active version yet; `any` = publish over whatever is active (scripts only: the editor never sends
 * it). Absent = unknown when the editor loaded: that platform is skipped, not overwritten blindly.
 */
export const expectField = z.preprocess(
  blankToUndefined,
  z.union([z.literal('none').transform(() => null), z.literal('any'), versionField], { error: 'expect_<platform>: a version number, none or any' }).optional(),
);

export const messageField = z.string({ error: '请填写发布说明 (message is required)' }).trim().min(1, '请填写发布说明 (message is required)').max(500);

/** A rules layer is small; anything near KV's 25 MiB value limit is a mistake, not rules. */
export const MAX_DOCUMENT_BYTES = 1_000_000;
