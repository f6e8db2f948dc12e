/**
 * A line chart drawn with Observable Plot (loaded on demand, so the dashboard does not ship it), always followed by
 * the same figures as a table for screen readers and keyboard users.
 */
import { formatNumber, t } from '../i18n/i18n.ts';
import { DataTable } from './data-table.tsx';
import { thinTicks } from './ticks.ts';
import { usePlot } from './use-plot.ts';

export interface LinePoint {
  period: string;
  series: string;
  value: number;
}

export function LineChart({ title, points, unit }: { title: string; points: LinePoint[]; unit: string }) {
  const ref = usePlot((Plot, width) => {
    const chart = Plot.plot({
      width,
      height: 220,
      marginLeft: 64,
      style: { fontSize: '12px', background: 'transparent', color: '#1a1a1a' },
      x: { label: null, type: 'point', ticks: thinTicks([...new Set(points.map((p) => p.period))], width) },
      y: { label: unit, grid: true, tickFormat: (d: number) => formatNumber(d, 1) },
      color: { legend: true, range: ['#0b4f8a', '#b4470f', '#5b3b8c'] },
      marks: [
        Plot.lineY(points, { x: 'period', y: 'value', stroke: 'series', strokeWidth: 2 }),
        Plot.dot(points, { x: 'period', y: 'value', fill: 'series', r: 3 }),
      ],
    });
    return chart;
  }, [points, unit]);
  const periods = [...new Set(points.map((p) => p.period))];
  const series = [...new Set(points.map((p) => p.series))];
  const value = (period: string, s: string) => points.find((p) => p.period === period && p.series === s)?.value;
  return (
    <figure class="chart">
      <figcaption>{title}</figcaption>
      <div ref={ref} class="chart-canvas" />
      <details>
        <summary>{t('chart.showTable')}</summary>
        <DataTable
          caption={title}
          rowKey={(p) => p}
          rows={periods}
          columns={[
            { label: t('chart.period'), cell: (p) => p },
            ...series.map((s) => ({ label: s, numeric: true, cell: (p: string) => { const v = value(p, s); return v === undefined ? '–' : formatNumber(v, 2); } })),
          ]}
        />
      </details>
    </figure>
  );
}
