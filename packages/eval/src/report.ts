import type { Report, Scored } from './metrics.ts';

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** The report `pnpm eval` prints. */
export function formatReport(report: Report, name: string): string {
  const { escalation: e, faq } = report;
  const lines = [
    `${name}: ${report.total} labelled buyer messages`,
    '',
    `escalation   precision ${pct(e.precision)}  recall ${pct(e.recall)}  F1 ${pct(e.f1)}   (tp ${e.tp}, fp ${e.fp}, fn ${e.fn})`,
    `FAQ answers  precision ${pct(faq.precision)}  coverage ${pct(faq.coverage)}   (${faq.correct} right of ${faq.answered} auto-answers; ${faq.answerable} answerable)`,
    '',
    'per intent          labelled  answered right  answered wrong  escalated',
    ...Object.entries(report.perIntent)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([intent, r]) => `  ${intent.padEnd(16)} ${String(r.labelled).padStart(8)} ${String(r.answeredCorrectly).padStart(15)} ${String(r.answeredWrongly).padStart(15)} ${String(r.escalated).padStart(10)}`),
    '',
    'escalation recall by tag: ' +
      Object.entries(report.recallByTag)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([tag, t]) => `${tag} ${t.hit}/${t.of}`)
        .join(', '),
  ];
  return lines.join('\n');
}

/** The mistakes, for tuning rules (not for tuning to this set: write new examples from real chats). */
export function formatMistakes(results: readonly Scored[]): string {
  return results
    .filter(({ item, got }) => item.escalate !== got.escalate || (got.intent !== 'other' && got.intent !== item.intent))
    .map(({ item, got }) => `${item.id} [${item.intent}${item.escalate ? ' ⚑' : ''} → ${got.intent}${got.escalate ? ' ⚑' : ''}] ${item.text}\n    ${got.reasons.slice(0, 3).join(' | ')}`)
    .join('\n');
}
