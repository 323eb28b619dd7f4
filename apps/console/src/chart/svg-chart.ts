/**
 * A tiny SVG chart: bars and lines over day categories, with axes, ticks, labels and a legend.
 * Pure (spec in, SVG text out) and dependency-free, so pages render it server-side and tests read it.
 */
export type ChartSeries = {
  name: string;
  kind: 'bar' | 'line';
  /** One per category; null = no data that day (no bar, a gap in the line). */
  values: readonly (number | null)[];
  color?: string;
};

export type ChartSpec = {
  title: string;
  /** The x axis, in order (e.g. days `11-03`). */
  categories: readonly string[];
  series: readonly ChartSeries[];
  /** A fixed top of the y axis (1 for rates); otherwise the data's maximum, rounded up to a nice tick. */
  yMax?: number;
  /** Counts: ticks on whole numbers only. */
  integer?: boolean;
  /** How y values read (ticks and tooltips): `85%`, `42 秒`. */
  yFormat?: (value: number) => string;
  width?: number;
  height?: number;
  /** `data-testid` of the svg element. */
  testId?: string;
  /** Shown when no series has a value. */
  emptyText?: string;
};

const PALETTE = ['#2563eb', '#f97316', '#16a34a', '#9333ea', '#dc2626'];
const MARGIN = { left: 52, right: 16, top: 34, bottom: 30 };

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);
}

/** One decimal at most: SVG stays small and diffs stay stable. */
const n = (x: number) => String(Math.round(x * 10) / 10);

/**
 * Ticks from 0 to at least `max`, on a 1/2/5 × 10ⁿ step, about `count` of them. `max` ≤ 0 gives
 * [0, 1] so an all-zero chart still has an axis.
 */
export function niceTicks(max: number, count = 5, integer = false): number[] {
  if (!Number.isFinite(max) || max <= 0) return [0, 1];
  const rough = Math.max(max / Math.max(1, count - 1), integer ? 1 : 0);
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough && (!integer || Number.isInteger(s))) ?? 10 * magnitude;
  const ticks: number[] = [];
  for (let t = 0; t < max + step / 2; t += step) ticks.push(Number(t.toPrecision(12)));
  if ((ticks.at(-1) ?? 0) < max) ticks.push(Number((ticks.length * step).toPrecision(12)));
  return ticks;
}

/** Every k-th category label, so labels never overlap (about 36 px each: `11-03` at 10 px). */
export function labelStride(categories: number, plotWidth: number): number {
  const fits = Math.max(1, Math.floor(plotWidth / 36));
  return Math.max(1, Math.ceil(categories / fits));
}

export function chartSvg(spec: ChartSpec): string {
  const width = spec.width ?? 640;
  const height = spec.height ?? 240;
  const format = spec.yFormat ?? ((v: number) => n(v));
  const plotW = width - MARGIN.left - MARGIN.right;
  const plotH = height - MARGIN.top - MARGIN.bottom;
  const count = spec.categories.length;
  const values = spec.series.flatMap((s) => s.values.filter((v): v is number => v !== null && Number.isFinite(v)));
  const ticks = niceTicks(spec.yMax ?? Math.max(0, ...values), 5, spec.integer ?? false);
  const top = spec.yMax ?? ticks.at(-1) ?? 1;
  const y = (v: number) => MARGIN.top + plotH - (Math.min(Math.max(v, 0), top) / top) * plotH;
  const band = count > 0 ? plotW / count : plotW;
  const cx = (i: number) => MARGIN.left + band * i + band / 2;
  const parts: string[] = [];
  const attrs = [`xmlns="http://www.w3.org/2000/svg"`, `viewBox="0 0 ${width} ${height}"`, `width="100%"`, `role="img"`, `aria-label="${escapeXml(spec.title)}"`, `class="chart"`];
  if (spec.testId) attrs.push(`data-testid="${escapeXml(spec.testId)}"`);
  parts.push(`<svg ${attrs.join(' ')}>`, `<title>${escapeXml(spec.title)}</title>`);
  parts.push(`<text x="${MARGIN.left}" y="16" class="chart-title" font-size="13" font-weight="600" fill="#111827">${escapeXml(spec.title)}</text>`);

  // Legend, right-aligned on the title line.
  let lx = width - MARGIN.right;
  for (const [i, s] of [...spec.series.entries()].reverse()) {
    const color = s.color ?? PALETTE[i % PALETTE.length];
    const w = 16 + s.name.length * 12;
    lx -= w;
    parts.push(
      s.kind === 'bar'
        ? `<rect x="${lx}" y="7" width="10" height="10" fill="${color}"/>`
        : `<line x1="${lx}" y1="12" x2="${lx + 10}" y2="12" stroke="${color}" stroke-width="2"/>`,
      `<text x="${lx + 14}" y="16" font-size="11" fill="#374151">${escapeXml(s.name)}</text>`,
    );
  }

  // Y axis: grid lines and tick labels.
  for (const t of ticks) {
    if (t > top) continue;
    const ty = n(y(t));
    parts.push(`<line x1="${MARGIN.left}" y1="${ty}" x2="${width - MARGIN.right}" y2="${ty}" stroke="#e5e7eb"/>`);
    parts.push(`<text x="${MARGIN.left - 6}" y="${ty}" dy="4" text-anchor="end" font-size="10" fill="#6b7280">${escapeXml(format(t))}</text>`);
  }
  parts.push(`<line x1="${MARGIN.left}" y1="${MARGIN.top + plotH}" x2="${width - MARGIN.right}" y2="${MARGIN.top + plotH}" stroke="#9ca3af"/>`);
  parts.push(`<line x1="${MARGIN.left}" y1="${MARGIN.top}" x2="${MARGIN.left}" y2="${MARGIN.top + plotH}" stroke="#9ca3af"/>`);

  // X axis labels.
  const stride = labelStride(count, plotW);
  for (const [i, label] of spec.categories.entries()) {
    if (i % stride !== 0) continue;
    parts.push(`<text x="${n(cx(i))}" y="${height - MARGIN.bottom + 16}" text-anchor="middle" font-size="10" fill="#6b7280">${escapeXml(label)}</text>`);
  }

  // Bars, grouped per category.
  const bars = spec.series.map((s, i) => ({ s, color: s.color ?? PALETTE[i % PALETTE.length] })).filter((x) => x.s.kind === 'bar');
  const groupW = band * 0.7;
  const barW = bars.length > 0 ? groupW / bars.length : 0;
  for (const [b, { s, color }] of bars.entries()) {
    for (const [i, v] of s.values.entries()) {
      if (v === null || !Number.isFinite(v) || i >= count) continue;
      const x = cx(i) - groupW / 2 + b * barW;
      const h = MARGIN.top + plotH - y(v);
      parts.push(`<rect class="bar" x="${n(x)}" y="${n(y(v))}" width="${n(Math.max(barW - 1, 1))}" height="${n(h)}" fill="${color}"><title>${escapeXml(`${spec.categories[i] ?? ''} ${s.name}: ${format(v)}`)}</title></rect>`);
    }
  }

  // Lines: a gap wherever a value is missing.
  for (const [li, s] of spec.series.entries()) {
    if (s.kind !== 'line') continue;
    const color = s.color ?? PALETTE[li % PALETTE.length];
    let segment: string[] = [];
    const flush = () => {
      if (segment.length > 1) parts.push(`<polyline class="line" fill="none" stroke="${color}" stroke-width="2" points="${segment.join(' ')}"/>`);
      segment = [];
    };
    for (const [i, v] of s.values.entries()) {
      if (v === null || !Number.isFinite(v) || i >= count) {
        flush();
        continue;
      }
      segment.push(`${n(cx(i))},${n(y(v))}`);
      parts.push(`<circle class="point" cx="${n(cx(i))}" cy="${n(y(v))}" r="3" fill="${color}"><title>${escapeXml(`${spec.categories[i] ?? ''} ${s.name}: ${format(v)}`)}</title></circle>`);
    }
    flush();
  }

  if (values.length === 0) {
    parts.push(`<text x="${n(MARGIN.left + plotW / 2)}" y="${n(MARGIN.top + plotH / 2)}" text-anchor="middle" font-size="12" fill="#9ca3af">${escapeXml(spec.emptyText ?? '暂无数据 (no data)')}</text>`);
  }
  parts.push('</svg>');
  return parts.join('');
}
