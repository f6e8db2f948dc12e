/**
 * The projection for the coming year (AMMR Art 9(3)(b)): every monthly series forecast to December of the cycle,
 * by indicator; one series at a time as a fan chart (80 % and 95 % intervals) followed by its figures as a table,
 * and how well the same forecasts did in the past (the rolling-origin backtest, shock years apart). The series shown
 * is in the URL (`/forecast?series=…`), so a chart can be shared.
 */
import { fetchForecasts, fetchSeriesForecast, type ModelAccuracy, type SeriesDetail, type SeriesForecast } from '../api/forecast.ts';
import { DataTable } from '../components/data-table.tsx';
import { ErrorNote, Loading } from '../components/status.tsx';
import { useAsync } from '../components/use-async.ts';
import { currentLocale, formatNumber, formatPercent, noteText, routeName, stateName, t, type MessageKey } from '../i18n/i18n.ts';
import { useLocale } from '../i18n/use-locale.ts';
import { navigate } from '../router.ts';
import { usePlot } from '../components/use-plot.ts';

const DEFAULT_INDICATOR = 'irregular_crossings';

const indicatorName = (indicator: string) => t(`indicator.${indicator}` as MessageKey);
/** A route's name, else the state's name, in the reader's language (a route the catalogs do not know as the data names it). */
const seriesName = (s: Pick<SeriesForecast, 'geo' | 'dims'>) => (s.dims?.route !== undefined ? routeName(s.dims.route) : /^[A-Z]{2}$/.test(s.geo) ? stateName(s.geo) : s.geo);
const selectedId = () => new URLSearchParams(location.search).get('series');
const show = (id: string) => navigate(`/forecast?series=${encodeURIComponent(id)}`);

function FanChart({ s }: { s: SeriesDetail }) {
  const ref = usePlot((Plot, width, locale) => {
    const rows = s.fanChart.map((r) => ({ ...r, date: new Date(`${r.period}-01T00:00:00Z`) }));
    const bands = rows.filter((r) => r.mean !== undefined);
    // The frame ends a quarter above the observed and central lines: the intervals of volatile series reach ten
    // times the central forecast. Bands above it are cut; the table gives every bound.
    const top = 1.25 * Math.max(1, ...rows.map((r) => Math.max(r.actual ?? 0, r.mean ?? 0)));
    const cut = (v: number | undefined) => Math.min(v ?? 0, top);
    const observed = t('forecast.chart.observed');
    const central = t('forecast.chart.central');
    const chart = Plot.plot({
      width,
      height: 280,
      marginLeft: 64,
      style: { fontSize: '12px', background: 'transparent', color: '#1a1a1a' },
      x: { type: 'utc', label: null, tickFormat: (d: Date) => new Intl.DateTimeFormat(locale, { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(d) },
      y: { label: t('unit.persons'), grid: true, domain: [0, top], tickFormat: (d: number) => formatNumber(d) },
      color: { domain: [observed, central], range: ['#1a1a1a', '#08519c'], legend: true },
      marks: [
        Plot.areaY(bands, { x: 'date', y1: 'lo95', y2: (d: { hi95?: number }) => cut(d.hi95), fill: '#c6dbef' }),
        Plot.areaY(bands, { x: 'date', y1: 'lo80', y2: (d: { hi80?: number }) => cut(d.hi80), fill: '#6baed6' }),
        Plot.lineY(rows.filter((r) => r.actual !== undefined), { x: 'date', y: 'actual', stroke: () => observed, strokeWidth: 1.5 }),
        Plot.lineY(bands, { x: 'date', y: 'mean', stroke: () => central, strokeWidth: 2, strokeDasharray: '5,3' }),
      ],
    });
    return chart;
  }, [s]);
  const title = t('forecast.chart.title', { series: seriesName(s), indicator: indicatorName(s.indicator) });
  return (
    <figure class="chart">
      <figcaption>{title}</figcaption>
      <div ref={ref} class="chart-canvas" />
      <p class="muted">{t('forecast.chart.caption')}</p>
      <details>
        <summary>{t('chart.showTable')}</summary>
        <DataTable<SeriesDetail['horizon'][number]>
          caption={title}
          rowKey={(m) => m.period}
          rows={s.horizon}
          columns={[
            { label: t('chart.period'), cell: (m) => m.period },
            { label: t('forecast.col.mean'), numeric: true, cell: (m) => formatNumber(m.mean) },
            { label: t('forecast.col.range80'), numeric: true, cell: (m) => `${formatNumber(m.lo80)} – ${formatNumber(m.hi80)}` },
            { label: t('forecast.col.range95'), numeric: true, cell: (m) => `${formatNumber(m.lo95)} – ${formatNumber(m.hi95)}` },
          ]}
        />
      </details>
    </figure>
  );
}

/** MASE with two decimals always, so that a column of them lines up (0.90, not 0.9). */
const mase = (a: { mase: number | null }) => (a.mase === null ? '–' : new Intl.NumberFormat(currentLocale(), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(a.mase));
const share = (x: number | null) => (x === null ? '–' : formatPercent(x, 0));

function Backtest({ s }: { s: SeriesDetail }) {
  if (!s.backtest) return <p>{t('forecast.backtest.none')}</p>;
  const [ours, snaive] = s.backtest.models as [ModelAccuracy, ModelAccuracy];
  const ratio = ours.mase !== null && snaive.mase ? ours.mase / snaive.mase : null;
  const rows = [
    { key: 'all', label: t('forecast.backtest.all'), ours: ours as { points: number; mase: number | null; coverage80: number | null; coverage95: number | null }, snaive: snaive as typeof ours },
    { key: 'normal', label: t('forecast.backtest.normal'), ours: ours.normal, snaive: snaive.normal },
    // In the server's order, which is chronological.
    ...ours.shocks.map((k) => ({ key: k.label, label: t('forecast.backtest.shock', { years: k.label }), ours: k, snaive: snaive.shocks.find((x) => x.label === k.label)! })),
  ].filter((r) => r.ours.points > 0);
  return (
    <section aria-labelledby="fc-backtest">
      <h2 id="fc-backtest">{t('forecast.backtest.title')}</h2>
      <p>
        {t('forecast.backtest.intro', { origins: s.backtest.origins })}{' '}
        {ratio !== null && t(ratio <= 1 ? 'forecast.backtest.better' : 'forecast.backtest.worse', { share: formatPercent(Math.abs(1 - ratio), 0) })}
      </p>
      <DataTable<(typeof rows)[number]>
        caption={t('forecast.backtest.caption', { series: seriesName(s) })}
        rowKey={(r) => r.key}
        rows={rows}
        columns={[
          { label: t('forecast.backtest.months'), cell: (r) => r.label },
          { label: t('forecast.backtest.points'), numeric: true, cell: (r) => formatNumber(r.ours.points) },
          { label: t('forecast.backtest.maseOurs'), numeric: true, cell: (r) => mase(r.ours) },
          { label: t('forecast.backtest.maseSnaive'), numeric: true, cell: (r) => mase(r.snaive) },
          { label: t('forecast.backtest.coverage80'), numeric: true, cell: (r) => share(r.ours.coverage80) },
          { label: t('forecast.backtest.coverage95'), numeric: true, cell: (r) => share(r.ours.coverage95) },
        ]}
      />
      {ours.annual.within10 !== null && <p>{t('forecast.backtest.annual', { count: ours.annual.forecasts, share: formatPercent(ours.annual.within10, 0) })}</p>}
    </section>
  );
}

function Selected({ id }: { id: string }) {
  const detail = useAsync(() => fetchSeriesForecast(id), [id]);
  if (detail.error) return <ErrorNote error={detail.error} />;
  if (!detail.data) return <Loading />;
  const s = detail.data;
  const notes = [...s.notes, ...(s.fallback ? [s.fallback] : [])];
  return (
    <section aria-labelledby="fc-series">
      <h2 id="fc-series">{t('forecast.chart.title', { series: seriesName(s), indicator: indicatorName(s.indicator) })}</h2>
      <ul class="facts">
        <li>{t('forecast.model', { model: s.model })}</li>
        <li>{t('forecast.lastObserved', { period: s.lastObserved })}</li>
        <li>{t(s.cycleYear.measure === 'sum' ? 'forecast.yearTotal' : 'forecast.yearEnd', { year: String(s.cycleYear.year), value: s.cycleYear.value })}</li>
      </ul>
      <FanChart s={s} />
      {notes.length > 0 && (
        <ul>
          {notes.map((n, i) => (
            <li key={i}>{noteText(n)}</li>
          ))}
        </ul>
      )}
      <Backtest s={s} />
    </section>
  );
}

export function ForecastPage() {
  useLocale();
  const list = useAsync(fetchForecasts, []);
  if (list.error) return <ErrorNote error={list.error} />;
  if (!list.data) return <Loading />;
  const { cycle, series, skipped } = list.data;
  const wanted = selectedId();
  const current = series.find((s) => s.id === wanted) ?? series.find((s) => s.indicator === DEFAULT_INDICATOR) ?? series[0];
  const indicators = [...new Set(series.map((s) => s.indicator))];
  const group = series.filter((s) => s.indicator === current?.indicator);
  return (
    <>
      <h1>{t('forecast.title', { cycle: String(cycle) })}</h1>
      <p>{t('forecast.intro', { cycle: String(cycle) })}</p>
      {series.length === 0 ? (
        <p>{t('forecast.empty')}</p>
      ) : (
        <>
          <label for="fc-indicator">{t('forecast.indicator')}</label>{' '}
          <select
            id="fc-indicator"
            value={current!.indicator}
            onChange={(e) => show(series.find((s) => s.indicator === e.currentTarget.value)!.id)}
          >
            {indicators.map((i) => (
              <option key={i} value={i}>{indicatorName(i)}</option>
            ))}
          </select>
          <DataTable<SeriesForecast>
            caption={t('forecast.table.caption', { indicator: indicatorName(current!.indicator), cycle: String(cycle) })}
            rowKey={(s) => s.id}
            rows={group}
            columns={[
              {
                label: t('forecast.col.series'),
                cell: (s) =>
                  s.id === current!.id ? (
                    <strong aria-current="true">{seriesName(s)}</strong>
                  ) : (
                    <a href={`/forecast?series=${encodeURIComponent(s.id)}`}>{seriesName(s)}</a>
                  ),
              },
              { label: t('forecast.col.lastObserved'), cell: (s) => s.lastObserved },
              { label: t('forecast.col.year', { year: String(cycle) }), numeric: true, cell: (s) => formatNumber(s.cycleYear.value) },
              { label: t('forecast.col.observedMonths'), numeric: true, cell: (s) => formatNumber(s.cycleYear.observedMonths) },
              { label: t('forecast.col.model'), cell: (s) => (s.fallback ? t('forecast.fallback') : t('forecast.combination')) },
            ]}
          />
          {current && <Selected id={current.id} />}
        </>
      )}
      {skipped.length > 0 && (
        <details>
          <summary>{t('forecast.skipped', { count: skipped.length })}</summary>
          <ul>
            {skipped.map((k) => (
              <li key={k.id}>{k.id}: {noteText(k.reason)}</li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
