/** Parsed command line: positional words and `--flag value` / `--flag` options. */
export type Args = { positional: string[]; flags: Map<string, string | true> };

/** A command-line mistake: printed with the usage, exit code 2. */
export class UsageError extends Error {}

export function parseArgs(argv: readonly string[], valueFlags: readonly string[]): Args {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i += 1) {
    // `-m "why"` is how git says it; the one short flag.
    const arg = argv[i] === '-m' ? '--message' : (argv[i] ?? '');
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name = '', inline] = arg.slice(2).split('=', 2);
    if (!valueFlags.includes(name)) {
      flags.set(name, inline ?? true);
      continue;
    }
    const value = inline ?? argv[i + 1];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) throw new UsageError(`--${name} needs a value`);
    flags.set(name, value);
    if (inline === undefined) i += 1;
  }
  return { positional, flags };
}

export function stringFlag(args: Args, name: string, fallback: string): string {
  const value = args.flags.get(name);
  return typeof value === 'string' ? value : fallback;
}
