/**
 * One bar per state: its actual figure as a multiple of its fair share (1 = exactly its fair share), drawn with
 * Observable Plot on demand, followed by the table with the same numbers.
 */
import { formatNumber, stateName, t } from '../i18n/i18n.ts';
import { usePlot } from './use-plot.ts';

export interface RatioBar {
  geo: string;
  ratio: number;
}

export function RatioChart({ title, bars }: { title: string; bars: RatioBar[] }) {
  const ref = usePlot((Plot, width) => {
    const data = bars.map((b) => ({ state: stateName(b.geo), ratio: b.ratio, above: b.ratio > 1 }));
    const chart = Plot.plot({
      width,
      height: 24 * data.length + 40,
      marginLeft: 120,
      style: { fontSize: '12px', background: 'transparent', color: '#1a1a1a' },
      x: { label: t('fairShare.ratioAxis'), grid: true, tickFormat: (d: number) => formatNumber(d, 1) },
      y: { label: null, domain: data.sort((a, b) => b.ratio - a.ratio).map((d) => d.state) },
      marks: [
        Plot.barX(data, { y: 'state', x: 'ratio', fill: (d: { above: boolean }) => (d.above ? '#a50f15' : '#0b4f8a') }),
        Plot.ruleX([1], { stroke: '#1a1a1a', strokeWidth: 2 }),
      ],
    });
    return chart;
  }, [bars]);
  return (
    <figure class="chart">
      <figcaption>{title}</figcaption>
      <div ref={ref} class="chart-canvas" />
    </figure>
  );
}
