import { z } from 'zod';

// The platform workers' admin routes (packages/runtime, /__kefu/*), as the console reads them.
// Parsed, not trusted: a worker on another version must show up as a clear message, never a crash.
// Objects are loose (extra fields kept) so a newer worker's additions do not break an older console.

export const SCOPES = ['global', 'platform', 'shop'] as const;
/** A rules layer: one for all platforms, one per platform, one per shop. */
export type Scope = (typeof SCOPES)[number];

/** The KV base key of a layer (design: `rules:global`, `rules:platform:<p>`, `rules:shop:<p>:<shop>`). */
export function rulesKey(scope: Scope, platform: string, shop?: string): string {
  if (scope === 'global') return 'rules:global';
  if (scope === 'platform') return `rules:platform:${platform}`;
  return `rules:shop:${platform}:${shop ?? ''}`;
}

export const rulesErrorSchema = z.looseObject({ path: z.string().catch('(root)'), message: z.string().catch('') });
export type RulesErrorView = z.infer<typeof rulesErrorSchema>;

export const lintFindingSchema = z.looseObject({
  level: z.enum(['error', 'warning']).catch('warning'),
  path: z.string().catch('(root)'),
  code: z.string().catch(''),
  message: z.string().catch(''),
});
export type LintView = z.infer<typeof lintFindingSchema>;

/** The active pointer's metadata. */
export const pointerMetaSchema = z.looseObject({
  version: z.number(),
  sha256: z.string().optional(),
  publishedAt: z.number().optional(),
  author: z.string().optional(),
  message: z.string().optional(),
  rolledBackFrom: z.number().optional(),
});
export type PointerMeta = z.infer<typeof pointerMetaSchema>;

/** An immutable version's KV metadata. */
export const versionMetaSchema = z.looseObject({
  version: z.number(),
  sha256: z.string().catch(''),
  publishedAt: z.number().catch(0),
  author: z.string().catch(''),
  message: z.string().catch(''),
  parent: z.number().nullable().catch(null),
  bytes: z.number().optional(),
});
export type VersionMeta = z.infer<typeof versionMetaSchema>;

export const layerSchema = z.looseObject({
  scope: z.enum(SCOPES),
  key: z.string(),
  active: pointerMetaSchema.nullable().catch(null),
  legacy: z.boolean().catch(false),
  bytes: z.number().optional(),
});
export type LayerView = z.infer<typeof layerSchema>;

/** `GET /__kefu/rules?shop=`: the layers and the merged document. */
export const rulesViewSchema = z.looseObject({
  platform: z.string(),
  shop: z.string().nullish(),
  layers: z.array(layerSchema),
  resolved: z.discriminatedUnion('kind', [
    z.looseObject({ kind: z.literal('ok'), document: z.unknown() }),
    z.looseObject({ kind: z.literal('invalid'), errors: z.array(rulesErrorSchema).catch([]) }),
  ]),
  serving: z.looseObject({ kind: z.string(), key: z.string().optional() }).optional(),
});
export type RulesView = z.infer<typeof rulesViewSchema>;

/** `GET /__kefu/rules/versions`: a layer's history, newest first. */
export const versionsSchema = z.looseObject({
  scope: z.string(),
  key: z.string(),
  active: z.number().nullable().catch(null),
  versions: z.array(versionMetaSchema),
});
export type VersionsView = z.infer<typeof versionsSchema>;

/** `GET /__kefu/rules/version`: one stored version. */
export const versionSchema = z.looseObject({ meta: versionMetaSchema, document: z.unknown() });
export type VersionView = z.infer<typeof versionSchema>;

/** `POST /__kefu/rules/check`: what a push would say. */
export const checkSchema = z.looseObject({
  ok: z.boolean(),
  errors: z.array(rulesErrorSchema).catch([]),
  lint: z.array(lintFindingSchema).catch([]),
  resolvedFor: z.looseObject({ shop: z.string().nullish() }).optional(),
});
export type CheckView = z.infer<typeof checkSchema>;

/** `POST /__kefu/rules/push` 200. */
export const pushSchema = z.looseObject({ version: z.number(), sha256: z.string().catch(''), unchanged: z.boolean().catch(false) });
export type PushView = z.infer<typeof pushSchema>;

/** The details of a `POST /__kefu/rules/push|rollback` 422 (the error object, see client.ts). */
export const invalidSchema = z.looseObject({
  errors: z.array(rulesErrorSchema).catch([]),
  lint: z.array(lintFindingSchema).catch([]),
});

/** `POST /__kefu/rules/rollback` 200. */
export const rollbackSchema = z.looseObject({ version: z.number(), from: z.number().nullable().catch(null) });
export type RollbackView = z.infer<typeof rollbackSchema>;

export const ESCALATION_STATUSES = ['open', 'claimed', 'closed'] as const;
export type EscalationStatus = (typeof ESCALATION_STATUSES)[number];

/** Rename the first present alias to `to`: the admin routes answer in camelCase, D1 rows are snake_case. */
function renamed(aliases: Record<string, string[]>) {
  return (value: unknown) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
    const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    for (const [to, from] of Object.entries(aliases)) {
      if (out[to] !== undefined) continue;
      const alias = from.find((a) => out[a] !== undefined);
      if (alias !== undefined) out[to] = out[alias];
    }
    return out;
  };
}

/** One escalation (`GET /__kefu/escalations`: `{platform, escalations: [...]}`), or a raw D1 row. */
export const escalationSchema = z.preprocess(
  renamed({ shop: ['shop_id'], buyer: ['buyer_id'], claimedBy: ['claimed_by'], openedAt: ['opened_at'], updatedAt: ['updated_at'] }),
  z.looseObject({
    id: z.string(),
    platform: z.string().optional(),
    shop: z.string().catch(''),
    buyer: z.string().catch(''),
    severity: z.string().catch('normal'),
    title: z.string().catch(''),
    updates: z.number().catch(0),
    deadline: z.number().nullable().catch(null),
    status: z.string().catch(''),
    claimedBy: z.string().nullable().catch(null),
    openedAt: z.number().catch(0),
    updatedAt: z.number().catch(0),
  }),
);
export type EscalationRow = z.infer<typeof escalationSchema>;

/**
 * One dead letter (`GET /__kefu/dead-letters`: `{platform, deadLetters: [...]}`), masked by the
 * worker; the job itself is never returned, only a preview. A raw D1 row is read too.
 */
export const deadLetterSchema = z.preprocess(
  renamed({ shop: ['shop_id'], retriedAt: ['retried_at'], retryCount: ['retry_count'], preview: ['job'] }),
  z.looseObject({
    id: z.string(),
    kind: z.string().catch(''),
    shop: z.string().nullable().catch(null),
    buyer: z.string().optional().catch(undefined),
    reason: z.string().catch(''),
    at: z.number().catch(0),
    attempts: z.number().nullable().optional().catch(null),
    /** dead: not delivered; requeued: a retry is on its way; delivered: a retry got it through. */
    state: z.string().optional().catch(undefined),
    retryable: z.boolean().optional().catch(undefined),
    notRetryable: z.string().optional().catch(undefined),
    retriedAt: z.number().nullable().optional().catch(null),
    retryCount: z.number().optional().catch(undefined),
    preview: z.string().optional().catch(undefined),
  }),
);
export type DeadLetterRow = z.infer<typeof deadLetterSchema>;

/**
 * "Rows of the table": a bare array, or an object holding one (`{rows}`, `{escalations}`,
 * `{deadLetters}`…). Both shapes are accepted so the console does not hinge on the wrapper.
 */
export function rowsSchema<T extends z.ZodType>(row: T) {
  return z.unknown().transform((value, ctx) => {
    const list = Array.isArray(value)
      ? value
      : value !== null && typeof value === 'object'
        ? Object.values(value as Record<string, unknown>).find((v) => Array.isArray(v))
        : undefined;
    if (!Array.isArray(list)) {
      ctx.addIssue({ code: 'custom', message: 'expected a list of rows' });
      return z.NEVER;
    }
    const rows: z.infer<T>[] = [];
    for (const item of list) {
      const parsed = row.safeParse(item);
      if (parsed.success) rows.push(parsed.data as z.infer<T>);
    }
    return rows;
  });
}

/** `POST /__kefu/dead-letters/:id/retry` 200. */
export const retrySchema = z.looseObject({ id: z.string().catch(''), requeued: z.boolean().catch(false), retryCount: z.number().optional() });

/** `GET /__kefu/sla`: the shop's human-response figures per day (packages/core DailySlaMetrics). */
export const slaDaySchema = z.looseObject({
  day: z.string(),
  rounds: z.number().catch(0),
  withinSla: z.number().catch(0),
  withinSlaRate: z.number().nullable().catch(null),
  avgFirstResponseSeconds: z.number().nullable().catch(null),
  unanswered: z.number().catch(0),
  excludedAutomatic: z.number().catch(0),
  excludedOutsideHours: z.number().catch(0),
  open: z.number().catch(0),
});
export type SlaDay = z.infer<typeof slaDaySchema>;
export const slaSchema = z.looseObject({ days: z.array(slaDaySchema) });
