/** A column: its heading, and whether its figures are right-aligned (numbers are). */
export type Column = { heading: string; numeric?: boolean };

/**
 * A GitHub-flavoured markdown table. Pipes inside cells are escaped so a reason string cannot
 * break the table; a row shorter than the header is padded with empty cells.
 */
export function markdownTable(columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');
  const line = (cells: readonly string[]) => `| ${columns.map((_, i) => cell(cells[i] ?? '')).join(' | ')} |`;
  const rule = `|${columns.map((c) => (c.numeric ? '---:' : '---')).join('|')}|`;
  return [line(columns.map((c) => c.heading)), rule, ...rows.map(line)].join('\n');
}
