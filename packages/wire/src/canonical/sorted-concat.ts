/** Which parameters a platform leaves out of its signing string. */
export type ConcatOptions = {
  /** Also skip parameters whose value is the empty string (TOP and JOS do; PDD signs them). */
  skipEmpty?: boolean;
};

/**
 * The `k1v1k2v2…` string most Chinese e-commerce gateways sign: keys sorted ascending by UTF-16
 * code unit (what Java's `TreeMap`/`Arrays.sort` and JS `sort()` both do), `sign` itself excluded.
 */
export function sortedConcat(params: Record<string, string>, options: ConcatOptions = {}): string {
  let out = '';
  for (const key of Object.keys(params).sort()) {
    const value = params[key];
    if (key === 'sign' || value === undefined) continue;
    if (options.skipEmpty && value === '') continue;
    out += key + value;
  }
  return out;
}
