/**
 * Charts of the Report: Observable Plot rendered on the server into a linkedom document, serialised as inline SVG.
 * Labels come from the Report's language; numbers are the same figures the tables print.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import type { FanChartRow } from '../domain/forecast/fan-chart.ts';
import type { I18n } from './i18n/index.ts';

function document(): Document {
  return parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
}

/** Plot returns an SVG element (or a figure when it has a legend); both serialise to markup. */
function markup(node: unknown): string {
  return (node as { outerHTML: string }).outerHTML;
}

export interface PairedBar {
  label: string;
  reference: number | null;
  previous: number | null;
}

/** Horizontal bars, the previous period above the reference period, one group per row (route or state). */
export function pairedBarChart(rows: readonly PairedBar[], i18n: I18n, labels: { reference: string; previous: string; x: string }): string {
  const data = rows.flatMap((r) => [
    { label: r.label, period: labels.previous, value: r.previous },
    { label: r.label, period: labels.reference, value: r.reference },
  ]).filter((d) => d.value !== null);
  const svg = Plot.plot({
    document: document(),
    width: 680,
    height: 50 + rows.length * 30,
    marginLeft: 200,
    x: { label: labels.x, grid: true, tickFormat: (d: number) => i18n.integer(d) },
    y: { axis: null, domain: [labels.previous, labels.reference] },
    fy: { label: null, domain: rows.map((r) => r.label) },
    color: { domain: [labels.previous, labels.reference], range: ['#9ecae1', '#08519c'], legend: true },
    marks: [Plot.barX(data, { x: 'value', y: 'period', fy: 'label', fill: 'period' }), Plot.ruleX([0])],
  });
  return markup(svg);
}

const monthDate = (p: string) => new Date(`${p}-01T00:00:00Z`);

/** A fan chart: the observed months as a line, the forecast median dashed, 80 % and 95 % intervals as bands. */
export function fanChart(rows: readonly FanChartRow[], i18n: I18n, labels: { title: string; y: string }): string {
  const data = rows.map((r) => ({ ...r, date: monthDate(r.period) }));
  const band = data.filter((r) => r.lo95 !== undefined);
  const svg = Plot.plot({
    document: document(),
    width: 680,
    height: 170,
    marginLeft: 60,
    title: labels.title,
    x: { type: 'utc', label: null },
    y: { label: labels.y, grid: true, tickFormat: (d: number) => i18n.integer(d), zero: true },
    marks: [
      Plot.areaY(band, { x: 'date', y1: 'lo95', y2: 'hi95', fill: '#c6dbef' }),
      Plot.areaY(band, { x: 'date', y1: 'lo80', y2: 'hi80', fill: '#6baed6' }),
      Plot.lineY(data.filter((r) => r.actual !== undefined), { x: 'date', y: 'actual', stroke: '#1a1a1a', strokeWidth: 1.5 }),
      Plot.lineY(band, { x: 'date', y: 'mean', stroke: '#08306b', strokeDasharray: '4,3', strokeWidth: 1.5 }),
    ],
  });
  return markup(svg);
}

export interface OccupancyChartMonth {
  period: string;
  /** Highest occupancy in the month, with the forecast's bounds. */
  peak: { lo95: number; lo80: number; mean: number; hi80: number; hi95: number };
  /** Entries since the border procedure applies, central forecast. */
  cumulative: number;
}

/**
 * Border-procedure occupancy through the year against the adequate capacity (APR Art 48, solid rule) and the year's
 * entries against the annual maximum (Art 50, dashed rule). The frame ends a quarter above the highest of the limits
 * and the central lines: the intervals of the sea routes reach ten times the central forecast and would otherwise
 * flatten the comparison the chart is for; bands above the frame are cut, and the table gives every bound.
 */
export function occupancyChart(
  months: readonly OccupancyChartMonth[],
  limits: { capacity: number; annualMaximum: number | null },
  i18n: I18n,
  labels: { title: string; y: string; occupancy: string; entries: string; capacity: string; annualMaximum: string },
): string {
  const data = months.map((m) => ({ date: monthDate(m.period), ...m.peak, cumulative: m.cumulative }));
  const top = 1.25 * Math.max(limits.capacity, limits.annualMaximum ?? 0, ...data.map((d) => Math.max(d.mean, d.cumulative)), 1);
  const rules = [
    { value: limits.capacity, label: labels.capacity, dash: null },
    ...(limits.annualMaximum !== null ? [{ value: limits.annualMaximum, label: labels.annualMaximum, dash: '6,3' }] : []),
  ];
  const svg = Plot.plot({
    document: document(),
    width: 680,
    height: 190,
    marginLeft: 60,
    marginRight: 10,
    title: labels.title,
    // Month names in the Report's language (Plot's default ticks are English).
    x: { type: 'utc', label: null, tickFormat: (d: Date) => new Intl.DateTimeFormat(i18n.lang, { month: 'short', timeZone: 'UTC' }).format(d) },
    y: { label: labels.y, grid: true, tickFormat: (d: number) => i18n.integer(d), domain: [0, top] },
    color: { domain: [labels.occupancy, labels.entries], range: ['#08306b', '#b4470f'], legend: true },
    marks: [
      Plot.areaY(data, { x: 'date', y1: 'lo95', y2: (d: { hi95: number }) => Math.min(d.hi95, top), fill: '#c6dbef' }),
      Plot.areaY(data, { x: 'date', y1: 'lo80', y2: (d: { hi80: number }) => Math.min(d.hi80, top), fill: '#6baed6' }),
      Plot.lineY(data, { x: 'date', y: 'mean', stroke: () => labels.occupancy, strokeWidth: 1.5 }),
      Plot.lineY(data, { x: 'date', y: 'cumulative', stroke: () => labels.entries, strokeWidth: 1.5, strokeDasharray: '2,2' }),
      ...rules.map((r) => Plot.ruleY([r.value], { stroke: '#a50f15', strokeWidth: 1.2, ...(r.dash ? { strokeDasharray: r.dash } : {}) })),
      Plot.text(rules, { x: data[0]!.date, y: 'value', text: 'label', textAnchor: 'start', dy: -6, fill: '#a50f15', fontSize: 10 }),
    ],
  });
  return markup(svg);
}
