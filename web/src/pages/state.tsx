/**
 * A Member State's indicators over time: absolute, per 1,000 inhabitants, per € billion of GDP, against its fair share;
 * and whether its border-procedure capacity holds through the cycle's year.
 */
import { useState } from 'preact/hooks';
import { fetchStateSeries, type IndicatorSeries } from '../api/public.ts';
import { CapacityOutlookSection } from '../components/capacity-outlook.tsx';
import { LineChart, type LinePoint } from '../components/line-chart.tsx';
import { ErrorNote, Loading } from '../components/status.tsx';
import { useAsync } from '../components/use-async.ts';
import { formatEuros, formatNumber, formatPercent, stateName, t, type MessageKey } from '../i18n/i18n.ts';

type Measure = 'absolute' | 'perThousand' | 'perBillionGdp' | 'fairShare';
const MEASURES: readonly Measure[] = ['absolute', 'perThousand', 'perBillionGdp', 'fairShare'];

function pointsFor(s: IndicatorSeries, measure: Measure): LinePoint[] {
  const name = t(`measure.${measure}` as MessageKey);
  const out: LinePoint[] = [];
  for (const p of s.points) {
    const v = measure === 'absolute' || measure === 'fairShare' ? p.value : measure === 'perThousand' ? p.perThousand : p.perBillionGdp;
    if (v !== null) out.push({ period: p.period, series: measure === 'fairShare' ? t('measure.actual') : name, value: v });
    if (measure === 'fairShare' && p.fairShareValue !== null) out.push({ period: p.period, series: t('measure.fairShareValue'), value: p.fairShareValue });
  }
  return out;
}

export function StatePage({ geo }: { geo: string }) {
  const series = useAsync(() => fetchStateSeries(geo), [geo]);
  const [measure, setMeasure] = useState<Measure>('absolute');
  if (series.error) return <ErrorNote error={series.error} />;
  if (series.loading) return <Loading />;
  const s = series.data;
  if (!s) return <><h1>{geo}</h1><p role="alert">{t('state.unknown', { geo })}</p></>;
  return (
    <>
      <h1>{stateName(geo)}</h1>
      <ul class="facts">
        {s.fairShare !== null && <li>{t('state.fairShare', { share: formatPercent(s.fairShare, 2) })}</li>}
        {s.population && <li>{t('state.population', { value: formatNumber(s.population.value), period: s.population.period })}</li>}
        {s.gdp && <li>{t('state.gdp', { value: formatEuros(s.gdp.value * 1e6), period: s.gdp.period })}</li>}
      </ul>
      <fieldset class="segmented">
        <legend>{t('state.measure')}</legend>
        {MEASURES.map((m) => (
          <label key={m}>
            <input type="radio" name="measure" value={m} checked={measure === m} onChange={() => setMeasure(m)} />
            {t(`measure.${m}` as MessageKey)}
          </label>
        ))}
      </fieldset>
      <div class="charts">
        {s.indicators.map((ind) => (
          <LineChart
            key={ind.indicator + measure}
            title={t(`indicator.${ind.indicator}` as MessageKey)}
            unit={measure === 'absolute' || measure === 'fairShare' ? t(`unit.${ind.unit}` as MessageKey) : t(`measure.${measure}` as MessageKey)}
            points={pointsFor(ind, measure)}
          />
        ))}
      </div>
      <CapacityOutlookSection geo={geo} />
    </>
  );
}
