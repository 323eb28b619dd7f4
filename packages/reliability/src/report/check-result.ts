/** The figures a check puts in the final table; `null` where a figure does not apply. */
export type Figures = { count: number; lost: number | null; duplicates: number | null; serverErrors: number | null };

/** A requirement and whether this run met it. */
export type Requirement = { what: string; met: boolean };

/** How one check ended. */
export type CheckResult =
  /** Ran to the end and met every requirement. */
  | { kind: 'passed'; id: string; name: string; figures: Figures; summary: string; lines: string[] }
  /** Ran to the end; `failures` are the requirements it did not meet. */
  | { kind: 'failed'; id: string; name: string; figures: Figures; summary: string; lines: string[]; failures: string[] }
  /** Could not run to the end (the stack died, a route answered nonsense…): its error. */
  | { kind: 'crashed'; id: string; name: string; error: string; lines: string[] };

/** Passed when every requirement is met, else failed naming the unmet ones. */
export function verdict(id: string, name: string, figures: Figures, requirements: readonly Requirement[], summary: string, lines: string[] = []): CheckResult {
  const failures = requirements.filter((r) => !r.met).map((r) => r.what);
  return failures.length === 0 ? { kind: 'passed', id, name, figures, summary, lines } : { kind: 'failed', id, name, figures, summary, lines, failures };
}

/** What a check reports as it goes: each line is printed at once and kept for RELIABILITY.md. */
export type Log = (line: string) => void;
