/** The part of an esbuild metafile we read: bytes each input contributed to each output. */
export type Metafile = { outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }> };

/**
 * Which package an input path belongs to: the last `node_modules/<name>` (pnpm nests them under
 * `.pnpm/<name>@<version>/node_modules/`), a workspace package (`packages/core/…` → `packages/core`),
 * or the worker's own code.
 */
export function packageOf(path: string): string {
  const nested = path.split('node_modules/');
  if (nested.length > 1) {
    const parts = (nested.at(-1) ?? '').split('/');
    return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1] ?? ''}` : (parts[0] ?? path);
  }
  const workspace = /(?:^|\/)(packages\/[^/]+)\//.exec(path);
  if (workspace?.[1]) return workspace[1];
  return 'own code';
}

/** Output bytes per package, largest first. */
export function bytesByPackage(meta: Metafile): { name: string; bytes: number }[] {
  const totals = new Map<string, number>();
  for (const output of Object.values(meta.outputs)) {
    for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
      const name = packageOf(path);
      totals.set(name, (totals.get(name) ?? 0) + bytesInOutput);
    }
  }
  return [...totals].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes);
}
