/** Actual versus fair share for each indicator (Art 66 key: 50 % population, 50 % GDP), and the what-if. */
import { useState } from 'preact/hooks';
import { fetchFairShares } from '../api/public.ts';
import { DataTable } from '../components/data-table.tsx';
import { RatioChart } from '../components/ratio-chart.tsx';
import { ErrorNote, Loading } from '../components/status.tsx';
import { useAsync } from '../components/use-async.ts';
import { formatNumber, formatPercent, stateName, t, type MessageKey } from '../i18n/i18n.ts';
import { WhatIf } from '../whatif/lazy-what-if.tsx';

export function FairSharePage() {
  const shares = useAsync(fetchFairShares, []);
  const [indicator, setIndicator] = useState<string>();
  if (shares.error) return <ErrorNote error={shares.error} />;
  if (!shares.data) return <Loading />;
  const f = shares.data;
  const chosen = indicator ?? f.indicators[0];
  const rows = f.rows.filter((r) => chosen && r.actual[chosen]);
  const bars = rows.map((r) => ({ geo: r.geo, ratio: r.actual[chosen!]!.value / Math.max(r.actual[chosen!]!.fairShareValue, 1e-9) }));
  return (
    <>
      <h1>{t('fairShare.title')}</h1>
      <p class="lead">{t('fairShare.lead', { population: f.populationPeriod, gdp: f.gdpPeriod, period: f.period })}</p>
      <label for="fs-indicator">{t('common.indicator')}</label>{' '}
      <select id="fs-indicator" value={chosen} onChange={(e) => setIndicator(e.currentTarget.value)}>
        {f.indicators.map((i) => (
          <option key={i} value={i}>{t(`indicator.${i}` as MessageKey)}</option>
        ))}
      </select>
      {chosen && <RatioChart title={t('fairShare.chartTitle', { indicator: t(`indicator.${chosen}` as MessageKey), period: f.indicatorPeriods[chosen] ?? f.period })} bars={bars} />}
      <DataTable
        caption={t('fairShare.tableCaption', { period: chosen ? (f.indicatorPeriods[chosen] ?? f.period) : f.period })}
        rows={f.rows}
        rowKey={(r) => r.geo}
        columns={[
          { label: t('common.memberState'), cell: (r) => <a href={`/state/${r.geo}`}>{stateName(r.geo)}</a> },
          { label: t('fairShare.share'), numeric: true, cell: (r) => formatPercent(r.share, 2) },
          ...(chosen
            ? [
                { label: t('fairShare.actual'), numeric: true, cell: (r: (typeof f.rows)[number]) => formatNumber(r.actual[chosen]?.value ?? NaN) },
                { label: t('fairShare.fairValue'), numeric: true, cell: (r: (typeof f.rows)[number]) => formatNumber(r.actual[chosen]?.fairShareValue ?? NaN) },
                {
                  label: t('fairShare.ratio'),
                  numeric: true,
                  cell: (r: (typeof f.rows)[number]) => {
                    const a = r.actual[chosen];
                    return a && a.fairShareValue > 0 ? formatNumber(a.value / a.fairShareValue, 2) : '–';
                  },
                },
              ]
            : []),
        ]}
      />
      <WhatIf shares={f.rows.map((r) => ({ geo: r.geo, share: r.share }))} />
    </>
  );
}
