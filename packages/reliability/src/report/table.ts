import type { CheckResult } from './check-result.ts';

const cell = (x: number | null | undefined) => (x === null || x === undefined ? '—' : x.toLocaleString('en-US'));

/** The result column: PASS / FAIL (what was not met) / CRASHED (why), with the check's own summary. */
export function resultCell(r: CheckResult): string {
  if (r.kind === 'passed') return `PASS — ${r.summary}`;
  if (r.kind === 'failed') return `FAIL — ${r.failures.join('; ')} (${r.summary})`;
  return `CRASHED — ${r.error.split('\n')[0]?.slice(0, 160) ?? ''}`;
}

/** The one table every figure ends up in (Markdown, readable as plain text too). */
export function renderTable(results: readonly CheckResult[]): string {
  const rows = results.map((r) => {
    const f = r.kind === 'crashed' ? undefined : r.figures;
    return `| ${r.id}. ${r.name} | ${cell(f?.count)} | ${cell(f?.lost)} | ${cell(f?.duplicates)} | ${cell(f?.serverErrors)} | ${resultCell(r).replaceAll('|', '\\|')} |`;
  });
  return ['| check | count | lost | duplicates | 5xx | result |', '|---|---:|---:|---:|---:|---|', ...rows].join('\n');
}

/** 0 when every check passed, 1 otherwise (a crash is a failure). */
export const exitCode = (results: readonly CheckResult[]) => (results.every((r) => r.kind === 'passed') ? 0 : 1);
