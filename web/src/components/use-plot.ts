/**
 * Draws an Observable Plot chart into a container once Plot is loaded (on demand, so pages without charts do not ship
 * it), again when the inputs or the language change. The chart is hidden from screen readers: every chart is
 * followed by its figures as a table.
 */
import { useEffect, useRef } from 'preact/hooks';
import { useLocale } from '../i18n/use-locale.ts';

type Plot = typeof import('@observablehq/plot');

/** `draw` gets Plot, the container's width and the language, and returns the chart, or null to draw nothing. */
export function usePlot(draw: (plot: Plot, width: number, locale: string) => SVGSVGElement | HTMLElement | null, deps: readonly unknown[]) {
  const ref = useRef<HTMLDivElement>(null);
  const locale = useLocale();
  useEffect(() => {
    let live = true;
    void import('@observablehq/plot').then((plot) => {
      if (!live || !ref.current) return;
      const chart = draw(plot, Math.max(280, ref.current.clientWidth), locale);
      if (!chart) return;
      chart.setAttribute('aria-hidden', 'true');
      ref.current.replaceChildren(chart);
    });
    return () => {
      live = false;
    };
  }, [...deps, locale]);
  return ref;
}
