import { parseArgs } from 'node:util';

/** What one run does. Every count is a flag, so CI and a laptop can size the run. */
export type Options = {
  /** Check 1: inbound buyer messages over the five platforms. */
  messages: number;
  /** Check 1: share delivered twice at once. */
  duplicateRate: number;
  /** Concurrent requests (checks 1–3). */
  concurrency: number;
  /** Check 1: messages per buyer. */
  perBuyer: number;
  /** Check 1: shops per platform. */
  shops: number;
  /** Check 2: requests per (route, forgery kind). */
  forgeries: number;
  /** Check 3: fuzzed bodies. */
  fuzz: number;
  /** Check 4: buyer messages under failing / timing-out sends. */
  faultMessages: number;
  /** Longest wait for the stack to settle after a check's traffic. */
  settleSeconds: number;
  seed: number;
  /** Which checks to run (1–6). */
  only: number[];
  /** Where the table goes (besides stdout); empty: nowhere. */
  out: string;
};

export const DEFAULTS: Options = {
  messages: 10_000,
  duplicateRate: 0.05,
  concurrency: 20,
  perBuyer: 4,
  shops: 10,
  forgeries: 10,
  fuzz: 10_000,
  faultMessages: 50,
  settleSeconds: 480,
  seed: 20261123,
  only: [1, 2, 3, 4, 5, 6],
  out: 'RELIABILITY.md',
};

export const USAGE = `pnpm test:reliability [-- options]
  --messages N        check 1 inbound messages (default ${DEFAULTS.messages})
  --duplicate-rate R  check 1 share delivered twice at once (default ${DEFAULTS.duplicateRate})
  --concurrency N     concurrent requests (default ${DEFAULTS.concurrency})
  --per-buyer N       check 1 messages per conversation (default ${DEFAULTS.perBuyer})
  --shops N           check 1 shops per platform (default ${DEFAULTS.shops})
  --forgeries N       check 2 requests per route and forgery kind (default ${DEFAULTS.forgeries})
  --fuzz N            check 3 fuzzed bodies (default ${DEFAULTS.fuzz})
  --fault-messages N  check 4 messages under failing and timing-out sends (default ${DEFAULTS.faultMessages})
  --settle-seconds N  longest wait for a check to settle (default ${DEFAULTS.settleSeconds})
  --seed N            randomness seed (default ${DEFAULTS.seed})
  --only 1,3          run only these checks
  --out FILE          write the table there, relative to the repository root ('' = nowhere; default ${DEFAULTS.out})`;

/** The options, or why the flags are wrong (a usage error). */
export type ParsedOptions = { kind: 'ok'; options: Options } | { kind: 'usage'; message: string };

const count = (name: string, value: string | undefined, fallback: number, min = 0): number | string => {
  if (value === undefined) return fallback;
  const n = Number(value);
  return Number.isInteger(n) && n >= min ? n : `--${name} must be an integer ≥ ${min}, got "${value}"`;
};

export function parseOptions(argv: readonly string[]): ParsedOptions {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args: [...argv].filter((a) => a !== '--'),
      options: Object.fromEntries(['messages', 'duplicate-rate', 'concurrency', 'per-buyer', 'shops', 'forgeries', 'fuzz', 'fault-messages', 'settle-seconds', 'seed', 'only', 'out'].map((k) => [k, { type: 'string' as const }])),
      strict: true,
    }).values;
  } catch (error) {
    return { kind: 'usage', message: (error as Error).message };
  }
  const v = (k: string) => values[k] as string | undefined;
  const fields = {
    messages: count('messages', v('messages'), DEFAULTS.messages, 5),
    concurrency: count('concurrency', v('concurrency'), DEFAULTS.concurrency, 1),
    perBuyer: count('per-buyer', v('per-buyer'), DEFAULTS.perBuyer, 1),
    shops: count('shops', v('shops'), DEFAULTS.shops, 1),
    forgeries: count('forgeries', v('forgeries'), DEFAULTS.forgeries, 1),
    fuzz: count('fuzz', v('fuzz'), DEFAULTS.fuzz, 1),
    faultMessages: count('fault-messages', v('fault-messages'), DEFAULTS.faultMessages, 5),
    settleSeconds: count('settle-seconds', v('settle-seconds'), DEFAULTS.settleSeconds, 10),
    seed: count('seed', v('seed'), DEFAULTS.seed),
  };
  const bad = Object.values(fields).find((x) => typeof x === 'string');
  if (typeof bad === 'string') return { kind: 'usage', message: bad };
  const rate = v('duplicate-rate') === undefined ? DEFAULTS.duplicateRate : Number(v('duplicate-rate'));
  if (!(rate >= 0 && rate <= 1)) return { kind: 'usage', message: `--duplicate-rate must be between 0 and 1, got "${v('duplicate-rate')}"` };
  const only = v('only') === undefined ? DEFAULTS.only : (v('only') as string).split(',').map((x) => Number(x.trim()));
  if (only.some((x) => !Number.isInteger(x) || x < 1 || x > 6)) return { kind: 'usage', message: `--only takes check numbers 1–6, got "${v('only')}"` };
  return { kind: 'ok', options: { ...(fields as { [K in keyof typeof fields]: number }), duplicateRate: rate, only: [...new Set(only)].sort(), out: v('out') ?? DEFAULTS.out } };
}
