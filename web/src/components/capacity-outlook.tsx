/**
 * "Will capacity hold?" on a Member State's page: its projected border-procedure occupancy through the year against
 * its adequate capacity (APR Art 48) and its entries against its annual maximum (Art 50), with the forecast's 80 %
 * and 95 % intervals, drawn with Observable Plot and always followed by the same figures as a table.
 */
import { fetchCapacityOutlook, type CapacityOutlook, type ReachDate } from '../api/public.ts';
import { ApiError } from '../api/client.ts';
import { isSolidarityState } from '../../../src/domain/member-states.ts';
import { formatDate, formatNumber, formatPercent, noteText, routeName, stateName, t } from '../i18n/i18n.ts';
import { DataTable } from './data-table.tsx';
import { ErrorNote, Loading } from './status.tsx';
import { useAsync } from './use-async.ts';
import { usePlot } from './use-plot.ts';

type Month = CapacityOutlook['state']['months'][number];

function OccupancyChart({ o, title }: { o: CapacityOutlook; title: string }) {
  const s = o.state;
  const ref = usePlot((Plot, width, locale) => {
    if (s.months.length === 0) return null;
    const data = s.months.map((m) => ({ date: new Date(`${m.period}-01T00:00:00Z`), ...m.peak, cumulative: m.cumulative.mean }));
    // As in the Report: the frame ends a quarter above the limits and the central lines, since the intervals of
    // the sea routes reach ten times the central forecast; bands above it are cut, the table gives every bound.
    const top = 1.25 * Math.max(s.capacity, s.annualMaximum ?? 0, ...data.map((d) => Math.max(d.mean, d.cumulative)), 1);
    const occupancy = t('outlook.chart.occupancy');
    const entries = t('outlook.chart.entries', { date: formatDate(o.assumptions.appliesFrom) });
    const rules = [
      { value: s.capacity, label: t('outlook.chart.capacity', { value: s.capacity }), dash: '' },
      ...(s.annualMaximum !== null ? [{ value: s.annualMaximum, label: t('outlook.chart.annualMaximum', { value: s.annualMaximum }), dash: '6,3' }] : []),
    ];
    const chart = Plot.plot({
      width,
      height: 260,
      marginLeft: 64,
      style: { fontSize: '12px', background: 'transparent', color: '#1a1a1a' },
      x: { type: 'utc', label: null, tickFormat: (d: Date) => new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' }).format(d) },
      y: { label: t('unit.persons'), grid: true, domain: [0, top], tickFormat: (d: number) => formatNumber(d) },
      color: { domain: [occupancy, entries], range: ['#08306b', '#b4470f'], legend: true },
      marks: [
        Plot.areaY(data, { x: 'date', y1: 'lo95', y2: (d: { hi95: number }) => Math.min(d.hi95, top), fill: '#c6dbef' }),
        Plot.areaY(data, { x: 'date', y1: 'lo80', y2: (d: { hi80: number }) => Math.min(d.hi80, top), fill: '#6baed6' }),
        Plot.lineY(data, { x: 'date', y: 'mean', stroke: () => occupancy, strokeWidth: 2 }),
        Plot.lineY(data, { x: 'date', y: 'cumulative', stroke: () => entries, strokeWidth: 2, strokeDasharray: '2,2' }),
        ...rules.map((r) => Plot.ruleY([r.value], { stroke: '#a50f15', strokeWidth: 1.2, ...(r.dash ? { strokeDasharray: r.dash } : {}) })),
        Plot.text(rules, { x: data[0]!.date, y: 'value', text: 'label', textAnchor: 'start', dy: -6, fill: '#a50f15' }),
      ],
    });
    return chart;
  }, [o]);
  const n = (v: number) => formatNumber(v);
  return (
    <figure class="chart">
      <figcaption>{title}</figcaption>
      <div ref={ref} class="chart-canvas" />
      <p class="muted">{t('outlook.chart.caption')}</p>
      <details>
        <summary>{t('chart.showTable')}</summary>
        <DataTable<Month>
          caption={title}
          rowKey={(m) => m.period}
          rows={s.months}
          columns={[
            { label: t('chart.period'), cell: (m) => m.period },
            { label: t('outlook.col.peak'), numeric: true, cell: (m) => n(m.peak.mean) },
            { label: t('outlook.col.peak80'), numeric: true, cell: (m) => `${n(m.peak.lo80)} – ${n(m.peak.hi80)}` },
            { label: t('outlook.col.peak95'), numeric: true, cell: (m) => `${n(m.peak.lo95)} – ${n(m.peak.hi95)}` },
            { label: t('outlook.col.entries'), numeric: true, cell: (m) => n(m.cumulative.mean) },
            { label: t('outlook.col.entries95'), numeric: true, cell: (m) => `${n(m.cumulative.lo95)} – ${n(m.cumulative.hi95)}` },
          ]}
        />
      </details>
    </figure>
  );
}

function reachText(r: ReachDate, year: number): string {
  const d = (x: string | null) => (x === null ? t('outlook.notInYear', { year: String(year) }) : formatDate(x));
  const ranges = { from80: d(r.range80[0]), to80: d(r.range80[1]), from95: d(r.range95[0]), to95: d(r.range95[1]) };
  return r.central === null ? t('outlook.notReached', { year: String(year), ...ranges }) : t('outlook.reached', { date: formatDate(r.central), ...ranges });
}

function Outlook({ o }: { o: CapacityOutlook }) {
  const s = o.state;
  const a = o.assumptions;
  const year = String(o.year);
  if (s.routes.length === 0) return <p>{t('outlook.notModelled')}</p>;
  return (
    <>
      <ul class="facts">
        <li>{t('outlook.capacity', { value: s.capacity })}</li>
        {s.annualMaximum !== null && <li>{t('outlook.annualMaximum', { value: s.annualMaximum })}</li>}
        <li>{t('outlook.routes', { routes: s.routes.map(routeName).join(', ') })}</li>
      </ul>
      <p>
        {t(a.borderShareIsDefault ? 'outlook.assumption.default' : 'outlook.assumption.given', { share: formatPercent(a.borderShare, 0), weeks: String(a.durationWeeks), date: formatDate(a.appliesFrom) })}
      </p>
      <ul>
        <li>{s.capacityReached ? t('outlook.capacityReach', { text: reachText(s.capacityReached, o.year) }) : t('outlook.noCapacity')}</li>
        {s.annualMaximumReached && <li>{t('outlook.maximumReach', { text: reachText(s.annualMaximumReached, o.year) })}</li>}
        {s.breakEvenShare !== null && <li>{t('outlook.breakEven', { share: formatPercent(s.breakEvenShare, 0) })}</li>}
      </ul>
      <OccupancyChart o={o} title={t('outlook.chart.title', { year })} />
      <details>
        <summary>{t('outlook.notes')}</summary>
        <ul>
          {o.notes.map((note, i) => (
            <li key={i}>{noteText(note)}</li>
          ))}
        </ul>
      </details>
    </>
  );
}

/** The section of the state page: for the cycle the public pages show (the API's default year). */
export function CapacityOutlookSection({ geo }: { geo: string }) {
  // Denmark (Protocol No 22) and the associated states have no adequate capacity: nothing to ask the server.
  const bound = isSolidarityState(geo);
  const outlook = useAsync(() => (bound ? fetchCapacityOutlook(geo) : Promise.resolve(undefined)), [geo]);
  return (
    <section aria-labelledby="outlook-title">
      <h2 id="outlook-title">{t('outlook.title')}</h2>
      {!bound ? (
        <p>{t('outlook.notBound', { state: stateName(geo) })}</p>
      ) : outlook.loading ? (
        <Loading />
      ) : outlook.error instanceof ApiError && outlook.error.status === 400 ? (
        // The API says why there is no outlook (Denmark is not bound by the APR's border procedure; no data loaded).
        <p>{outlook.error.message}</p>
      ) : outlook.error ? (
        <ErrorNote error={outlook.error} />
      ) : (
        <Outlook o={outlook.data!} />
      )}
    </section>
  );
}
