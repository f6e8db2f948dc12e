/** The public front page: the Union's map by category for the current cycle, with the evidence one click away. */
import { useState } from 'preact/hooks';
import { isSolidarityState } from '../../../src/domain/member-states.ts';
import { CYCLE, type PoolView } from '../api/cycle.ts';
import { fetchPublicCycle } from '../api/pool.ts';
import { CATEGORIES, fetchOverview, type Category, type Overview, type StateClassification } from '../api/public.ts';
import { DataTable } from '../components/data-table.tsx';
import { ErrorNote, Loading } from '../components/status.tsx';
import { useAsync } from '../components/use-async.ts';
import { formatDate, formatNumber, stateName, t, type MessageKey } from '../i18n/i18n.ts';
import { FILL, mapClass, type MapClass } from '../map/categories.ts';
import { EuMap } from '../map/eu-map.tsx';

export const categoryLabel = (c: Category) => t(`category.${c}` as MessageKey);

/** What the map is coloured by: the Commission's decision (Art 11), or what the computed evidence supports. */
type MapView = 'decision' | 'evidence';

const FROM_COMPUTED: Record<StateClassification['computedCategories'][number], Category> = {
  'under-pressure': 'migratory-pressure',
  'under-pressure-sar': 'migratory-pressure',
  'at-risk': 'risk-of-migratory-pressure',
  'significant-situation': 'significant-migratory-situation',
};

const supported = (s: StateClassification): Category[] => [...new Set(s.computedCategories.map((c) => FROM_COMPUTED[c]))];

/** The Art 11 decision, as recorded in the cycle's ledger and published (Art 11(1)), laid over the overview. */
function withDecision(o: Overview, view: PoolView | undefined): Overview {
  if (!view) return o;
  const pool = { phase: view.phase, adopted: !!view.councilAct };
  if (!view.classification) return { ...o, pool };
  const decided = new Map(view.classification.states.map((s) => [s.code as string, s.categories]));
  return {
    ...o,
    pool,
    decisionAdopted: true,
    states: o.states.map((s) => ({ ...s, categories: decided.get(s.geo) ?? [], grounds: view.classification!.decision })),
  };
}

export function Dashboard() {
  const overview = useAsync(fetchOverview, []);
  const cycle = useAsync(() => fetchPublicCycle(), []);
  const [selected, setSelected] = useState<string>();
  const [view, setView] = useState<MapView>('decision');
  const o = overview.data && withDecision(overview.data, cycle.data);
  const byGeo = new Map(o?.states.map((s) => [s.geo, s]));
  const shown = (s: StateClassification | undefined): Category[] | undefined => (!s ? undefined : view === 'evidence' ? supported(s) : o?.decisionAdopted ? s.categories : []);
  // The map is drawn at once; its colours follow when the overview (and the recorded decision) arrive.
  const classOf = (geo: string): MapClass => (o ? mapClass(shown(byGeo.get(geo)), byGeo.has(geo)) : isSolidarityState(geo) ? 'none' : 'not-bound');
  const chosen = selected ? byGeo.get(selected) : undefined;
  return (
    <>
      <h1>{t('dashboard.title', { year: String(o?.year ?? CYCLE) })}</h1>
      <p class="lead">{t('dashboard.lead')}</p>
      {o && <CycleFacts overview={o} />}
      <fieldset class="map-view">
        <legend>{t('dashboard.view.legend')}</legend>
        {(['decision', 'evidence'] as const).map((v) => (
          <label key={v}>
            <input type="radio" name="map-view" value={v} checked={view === v} onChange={() => setView(v)} /> {t(`dashboard.view.${v}`)}
          </label>
        ))}
      </fieldset>
      {view === 'evidence' && (
        <p class="muted" role="note">
          {t('dashboard.view.evidenceNote')} <a href="/methodology">{t('methodology.title')}</a>
        </p>
      )}
      <div class="map-layout">
        <div>
          <EuMap classOf={classOf} selected={selected} onSelect={setSelected} />
          <Legend />
        </div>
        <div>
          {chosen && o ? <Evidence state={chosen} adopted={o.decisionAdopted} onClose={() => setSelected(undefined)} /> : <p class="muted">{t('dashboard.pickState')}</p>}
        </div>
      </div>
      {overview.error && <ErrorNote error={overview.error} />}
      {!o && !overview.error && <Loading />}
      {o && (
        <DataTable
          caption={t('dashboard.tableCaption', { year: String(o.year) })}
          rows={o.states}
          rowKey={(s) => s.geo}
          columns={[
            { label: t('common.memberState'), cell: (s) => <a href={`/state/${s.geo}`}>{stateName(s.geo)}</a> },
            { label: t('dashboard.categories'), cell: (s) => (o.decisionAdopted ? s.categories.map(categoryLabel).join(', ') || t('category.none') : t('dashboard.notDecided')) },
            { label: t('dashboard.computedCategories'), cell: (s) => supported(s).map(categoryLabel).join(', ') || t('category.none') },
            {
              label: t('dashboard.evidence'),
              cell: (s) => (
                <button type="button" class="link" onClick={() => setSelected(s.geo)} aria-label={`${t('dashboard.showEvidence')}: ${stateName(s.geo)}`}>
                  {t('dashboard.showEvidence')}
                </button>
              ),
            },
          ]}
        />
      )}
    </>
  );
}

function CycleFacts({ overview }: { overview: Overview }) {
  return (
    <ul class="facts">
      {overview.referencePeriod && (
        <li>{t('dashboard.referencePeriod', { from: formatDate(overview.referencePeriod.from), to: formatDate(overview.referencePeriod.to) })}</li>
      )}
      <li>{overview.decisionAdopted ? t('dashboard.decisionAdopted') : t('dashboard.decisionPending')}</li>
      <li>{overview.pool ? t(`phase.${overview.pool.phase}` as MessageKey) : t('phase.none')}</li>
    </ul>
  );
}

function Legend() {
  const classes: MapClass[] = [...CATEGORIES, 'none', 'not-bound'];
  return (
    <ul class="legend" aria-label={t('map.legend')}>
      {classes.map((c) => (
        <li key={c}>
          <span class="swatch" style={{ background: FILL[c] }} aria-hidden="true" />
          {c === 'none' ? t('category.none') : c === 'not-bound' ? t('category.not-bound') : categoryLabel(c)}
        </li>
      ))}
    </ul>
  );
}

function Evidence({ state, adopted, onClose }: { state: StateClassification; adopted: boolean; onClose: () => void }) {
  return (
    <section class="panel" aria-labelledby="evidence-title" tabIndex={-1} ref={(el) => el?.focus()}>
      <h2 id="evidence-title">{t('dashboard.evidenceFor', { state: stateName(state.geo) })}</h2>
      <p>
        <strong>{t('dashboard.categories')}:</strong> {adopted ? state.categories.map(categoryLabel).join(', ') || t('category.none') : t('dashboard.notDecided')}
      </p>
      {state.grounds && <p><strong>{t('dashboard.grounds')}:</strong> {state.grounds}</p>}
      <p>
        <strong>{t('dashboard.computedCategories')}:</strong>{' '}
        {state.computedCategories.map((c) => t(`category.computed.${c}` as MessageKey)).join(', ') || t('category.none')}
      </p>
      {state.evidence.length ? (
        <DataTable
          caption={t('dashboard.computedEvidence')}
          rows={state.evidence}
          rowKey={(e) => e.indicator}
          columns={[
            { label: t('common.indicator'), cell: (e) => t(`indicator.${e.indicator}` as MessageKey) },
            { label: t('common.value'), numeric: true, cell: (e) => formatNumber(e.value, 2) },
            { label: t('chart.period'), cell: (e) => e.detail ?? '' },
            { label: t('dashboard.ratioToUnion'), numeric: true, cell: (e) => (e.ratio === null ? '–' : formatNumber(e.ratio, 2)) },
          ]}
        />
      ) : (
        <p class="muted">{t('dashboard.noEvidence')}</p>
      )}
      <p>
        <a href={`/state/${state.geo}`}>{t('dashboard.statePage', { state: stateName(state.geo) })}</a>{' '}
        <button type="button" class="link" onClick={onClose}>{t('common.close')}</button>
      </p>
    </section>
  );
}
