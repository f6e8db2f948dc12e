/**
 * How the figures are made, in the reader's language, with the articles they rest on; then the assessment's rules
 * and thresholds exactly as the server applies them (the methodology document, in its own language: English).
 */
import { fetchMethodology, type MethodologyCondition, type MethodologyDocument } from '../api/public.ts';
import { DataTable } from '../components/data-table.tsx';
import { ErrorNote, Loading } from '../components/status.tsx';
import { useAsync } from '../components/use-async.ts';
import { formatNumber, formatPercent, t, type MessageKey } from '../i18n/i18n.ts';
import { useLocale } from '../i18n/use-locale.ts';

const SECTIONS = ['data', 'normalisation', 'classification', 'fairShare', 'pool', 'offsets', 'confidentiality'] as const;
const CATEGORIES = ['under-pressure', 'at-risk', 'significant-situation'] as const;

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** A change is a relative change (0.2 = +20 %); the other measures are plain numbers. */
const threshold = (c: MethodologyCondition) => (c.measure === 'change' ? formatPercent(c.threshold, 0) : formatNumber(c.threshold, c.threshold % 1 === 0 ? 0 : 2));

function Rules({ doc }: { doc: MethodologyDocument }) {
  return (
    <section aria-labelledby="m-rules">
      <h2 id="m-rules">{t('methodology.rules.title', { version: doc.version })}</h2>
      <p>{t(doc.status === 'official' ? 'methodology.rules.official' : 'methodology.rules.assumption')}</p>
      <p lang="en">{doc.why}</p>
      <ul>
        <li lang="en">{t('methodology.rules.lookBack', { years: doc.parameters.lookBackYears })} {doc.parameters.lookBackRationale}</li>
        <li lang="en">{t('methodology.rules.substitution', { months: doc.parameters.maxSubstitutionMonths })} {doc.parameters.substitutionRationale}</li>
      </ul>
      {CATEGORIES.map((c) => {
        const spec = doc.categories[c];
        return (
          <section key={c} aria-labelledby={`m-rules-${c}`}>
            <h3 id={`m-rules-${c}`}>
              {capitalised(t(`category.computed.${c}` as MessageKey))} ({spec.article})
            </h3>
            <p lang="en">{spec.rationale}</p>
            {spec.rules.map((rule) => (
              <div key={rule.id}>
                <p>
                  <strong>{t(rule.ground === 'art-11-3-sar' ? 'methodology.rules.ruleSar' : 'methodology.rules.rule', { id: rule.id })}</strong>{' '}
                  <span lang="en">{rule.rationale}</span>
                </p>
                <DataTable<MethodologyCondition>
                  caption={t('methodology.rules.conditions', { id: rule.id })}
                  rowKey={(x) => `${x.indicator}-${x.measure}-${x.period}`}
                  rows={rule.all}
                  columns={[
                    { label: t('common.indicator'), cell: (x) => t(`indicator.${x.indicator}` as MessageKey) },
                    { label: t('methodology.rules.measure'), cell: (x) => t(`methodology.measure.${x.measure}` as MessageKey) },
                    { label: t('methodology.rules.period'), cell: (x) => t(`methodology.period.${x.period}` as MessageKey, { years: doc.parameters.lookBackYears }) },
                    { label: t('methodology.rules.threshold'), numeric: true, cell: (x) => `≥ ${threshold(x)}` },
                    { label: t('methodology.rules.why'), cell: (x) => <span lang="en">{x.rationale}</span> },
                  ]}
                />
              </div>
            ))}
          </section>
        );
      })}
    </section>
  );
}

export function Methodology() {
  useLocale();
  const doc = useAsync(fetchMethodology, []);
  return (
    <>
      <h1>{t('methodology.title')}</h1>
      {SECTIONS.map((s) => (
        <section key={s} aria-labelledby={`m-${s}`}>
          <h2 id={`m-${s}`}>{t(`methodology.${s}.title` as MessageKey)}</h2>
          <p>{t(`methodology.${s}.body` as MessageKey)}</p>
        </section>
      ))}
      {doc.loading && !doc.data ? <Loading /> : doc.error ? <ErrorNote error={doc.error} /> : doc.data ? <Rules doc={doc.data} /> : null}
    </>
  );
}
