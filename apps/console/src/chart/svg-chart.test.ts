import { describe, expect, it } from 'vitest';
import { chartSvg, labelStride, niceTicks } from './svg-chart.ts';

const count = (svg: string, pattern: RegExp) => svg.match(pattern)?.length ?? 0;

describe('niceTicks', () => {
  it('should step by 1, 2, 2.5 or 5 times a power of ten, up to at least the maximum', () => {
    expect(niceTicks(1)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(niceTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(100)).toEqual([0, 25, 50, 75, 100]);
    expect(niceTicks(0.3)).toEqual([0, 0.1, 0.2, 0.3]);
  });

  it('should give an axis to an all-zero chart, and whole numbers for counts', () => {
    expect(niceTicks(0)).toEqual([0, 1]);
    expect(niceTicks(1, 5, true)).toEqual([0, 1]);
    expect(niceTicks(3, 5, true)).toEqual([0, 1, 2, 3]);
  });

  it('should thin out labels that would overlap', () => {
    // The default 640 px chart has a 572 px plot: 14 days fit, 62 show every 5th.
    expect(labelStride(14, 572)).toBe(1);
    expect(labelStride(62, 572)).toBe(5);
  });
});

describe('chartSvg', () => {
  const days = ['11-01', '11-02', '11-03', '11-04'];

  it('should draw one bar per value, none for a missing day, scaled to the axis', () => {
    const svg = chartSvg({ title: '达标率', categories: days, series: [{ name: 'rate', kind: 'bar', values: [1, 0.5, null, 0] }], yMax: 1, width: 400, height: 200, testId: 'sla-chart-rate' });
    expect(svg.startsWith('<svg ')).toBe(true);
    expect(svg).toContain('data-testid="sla-chart-rate"');
    expect(count(svg, /<rect class="bar"/g)).toBe(3);
    const heights = [...svg.matchAll(/<rect class="bar"[^>]*height="([\d.]+)"/g)].map((m) => Number(m[1]));
    // plot height = 200 - 34 - 30 = 136: the full bar, half of it, and a zero-height one.
    expect(heights).toEqual([136, 68, 0]);
    for (const d of days) expect(svg).toContain(`>${d}</text>`);
  });

  it('should break a line where a value is missing', () => {
    const svg = chartSvg({ title: 'avg', categories: [...days, '11-05'], series: [{ name: 's', kind: 'line', values: [10, 20, null, 30, 40] }] });
    expect(count(svg, /<polyline/g)).toBe(2);
    expect(count(svg, /<circle class="point"/g)).toBe(4);
  });

  it('should format ticks and tooltips with yFormat', () => {
    const svg = chartSvg({ title: 'rate', categories: days.slice(0, 1), series: [{ name: 'r', kind: 'bar', values: [0.5] }], yMax: 1, yFormat: (v) => `${Math.round(v * 100)}%` });
    expect(svg).toContain('>50%</text>');
    expect(svg).toContain('>100%</text>');
    expect(svg).toContain('<title>11-01 r: 50%</title>');
  });

  it('should escape labels and say so when there is no data', () => {
    const svg = chartSvg({ title: '<script>x</script>', categories: ['a&b'], series: [{ name: '"n"', kind: 'bar', values: [null] }] });
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
    expect(svg).toContain('a&amp;b');
    expect(svg).toContain('暂无数据');
  });
});
