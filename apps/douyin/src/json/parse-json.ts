/** A JSON text parsed, or why it could not be. */
export type ParsedJson = { kind: 'ok'; value: unknown } | { kind: 'invalid'; reason: string };

/** What V8 passes a reviver as its third argument (JSON.parse source text access, ES2025). */
type ReviverContext = { source?: string };

/**
 * `JSON.parse`, except that integers beyond 2^53 stay exact as their source digits (a string).
 * 抖店 order ids (`p_id`, `s_ids`, e.g. 4781320682406083640) and shop ids are 64-bit integers
 * written as bare JSON numbers; a plain parse rounds them to a different order.
 */
export function parseJson(text: string): ParsedJson {
  try {
    const value: unknown = JSON.parse(text, (_key, value: unknown, context?: ReviverContext) =>
      typeof value === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value) && context?.source ? context.source : value,
    );
    return { kind: 'ok', value };
  } catch (error) {
    return { kind: 'invalid', reason: error instanceof Error ? error.message : 'not JSON' };
  }
}
