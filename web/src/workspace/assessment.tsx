/**
 * The Commission runs the Art 11 assessment of the cycle and records its decision per state and category (adopted or
 * not, with the ground, the date and the act). The evidence informs the decision and never makes it (Art 10(2)):
 * every difference between the two is listed. The records are the Commission's until it publishes its decision
 * (the "Record the decision" form of the pool, which every role sees).
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { SOLIDARITY_STATES as STATES } from '../../../src/domain/member-states.ts';
import { ASSESSMENT_CATEGORIES, recordDecision, runAssessment, type Assessment, type AssessmentCategory, type Evidence, type StateAssessment } from '../api/assessment.ts';
import { ApiError } from '../api/client.ts';
import { CYCLE } from '../api/cycle.ts';
import { formatDate, formatNumber, noteText, stateName, t, type MessageKey } from '../i18n/i18n.ts';

const categoryName = (c: AssessmentCategory) => t(`category.computed.${c}` as MessageKey);
const indicatorName = (id: string) => t(`indicator.${id}` as MessageKey);

function evidenceText(e: Evidence): string {
  const value = e.measure === 'change' ? `${e.value >= 0 ? '+' : ''}${formatNumber(e.value * 100, 0)} %` : formatNumber(e.value, e.measure === 'absolute' || e.measure === 'activeMonths' ? 0 : 2);
  const threshold = e.measure === 'change' ? `${formatNumber(e.threshold * 100, 0)} %` : formatNumber(e.threshold, e.measure === 'absolute' || e.measure === 'activeMonths' ? 0 : 2);
  return t('assess.evidenceLine', { indicator: indicatorName(e.indicator), measure: t(`assess.measure.${e.measure}` as MessageKey), value, threshold, period: e.period });
}

export function AssessmentPanel() {
  const [result, setResult] = useState<Assessment>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [preset, setPreset] = useState<{ state: string; at: number }>();
  const run = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setResult(await runAssessment());
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="assess-title" data-panel="assessment">
      <h2 id="assess-title">{t('assess.title')}</h2>
      <p class="hint">{t('assess.lead')}</p>
      <button type="button" onClick={() => void run()} disabled={busy}>{result ? t('assess.rerun') : t('assess.run', { cycle: String(CYCLE) })}</button>
      <div aria-live="polite">
        {busy && <p role="status" class="muted">{t('common.loading')}</p>}
        {error && <p role="alert" class="error">{error}</p>}
        {result && !busy && <p role="status">{t('assess.summary', { from: formatDate(result.referencePeriod.from), to: formatDate(result.referencePeriod.to), methodology: `${result.methodology.id} v${result.methodology.version}`, count: result.decisionsRecorded })}</p>}
      </div>
      {result && (
        <>
          <EvidenceTable states={result.states} onDecide={(state) => setPreset({ state, at: Date.now() })} />
          <Disagreements states={result.states} />
        </>
      )}
      <DecisionForm onRecorded={() => void run()} assessment={result} preset={preset} />
    </section>
  );
}

function decidedText(s: StateAssessment): string {
  if (s.decisions.length === 0) return t('assess.undecided');
  return s.decisions.map((d) => `${categoryName(d.category)}: ${d.adopted ? t('ws.yes') : t('ws.no')}`).join('; ');
}

function EvidenceTable({ states, onDecide }: { states: StateAssessment[]; onDecide: (state: string) => void }) {
  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-label={t('assess.tableCaption')}>
      <table>
        <caption>{t('assess.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('common.memberState')}</th>
            <th scope="col">{t('assess.supported')}</th>
            <th scope="col">{t('assess.evidence')}</th>
            <th scope="col">{t('assess.decided')}</th>
          </tr>
        </thead>
        <tbody>
          {states.map((s) => (
            <tr key={s.code} data-state={s.code}>
              <th scope="row">{stateName(s.code)}</th>
              <td>{s.categories.length ? s.categories.map((c) => (c === 'under-pressure' && s.sarGround ? t('category.computed.under-pressure-sar') : categoryName(c))).join('; ') : t('common.none')}</td>
              <td>
                {s.evidence.length === 0 ? '—' : (
                  <ul class="plain">
                    {s.evidence.map((e, i) => <li key={i}>{evidenceText(e)}</li>)}
                  </ul>
                )}
                {s.dataNotes.length > 0 && (
                  <details>
                    <summary>{t('assess.dataNotes', { count: s.dataNotes.length })}</summary>
                    <ul>{s.dataNotes.map((n, i) => <li key={i}>{noteText(n)}</li>)}</ul>
                  </details>
                )}
              </td>
              <td>
                <span class={s.disagreements.length ? 'disagree' : undefined}>{decidedText(s)}</span>{' '}
                <button type="button" class="link" onClick={() => onDecide(s.code)}>
                  {t('assess.decide')}<span class="visually-hidden"> {t('assess.decideFor', { state: stateName(s.code) })}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Disagreements({ states }: { states: StateAssessment[] }) {
  const all = states.flatMap((s) => s.disagreements.map((d) => ({ ...d, state: s.code })));
  return (
    <div data-list="disagreements">
      <h3>{t('assess.disagreements')}</h3>
      {all.length === 0 ? <p>{t('assess.noDisagreements')}</p> : (
        <ul>
          {all.map((d) => (
            <li key={`${d.state}-${d.category}`}>
              {t(d.kind === 'evidence-not-adopted' ? 'assess.evidenceNotAdopted' : 'assess.adoptedWithoutEvidence', { state: stateName(d.state), category: categoryName(d.category) })}{' '}
              <span class="hint">{t('assess.groundAct', { ground: d.ground, act: d.act })}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

type Values = { state: string; category: string; adopted: string; ground: string; date: string; act: string };
const EMPTY: Values = { state: '', category: '', adopted: '', ground: '', date: '', act: '' };
const DRAFT = 'pactcycle.draft.decision-record';

function loadDraft(): Values {
  try {
    const raw = sessionStorage.getItem(DRAFT);
    return raw ? { ...EMPTY, ...(JSON.parse(raw) as Partial<Values>) } : EMPTY;
  } catch {
    return EMPTY;
  }
}

/** One decision record. Client checks are for comfort (required fields); the server judges and its message is shown. */
function DecisionForm({ onRecorded, assessment, preset }: { onRecorded: () => void; assessment: Assessment | undefined; preset: { state: string; at: number } | undefined }) {
  const [values, setValues] = useState<Values>(loadDraft);
  useEffect(() => {
    // "Decide" on a row of the table: that state, and the next choice to make.
    if (!preset) return;
    setValues((x) => ({ ...x, state: preset.state }));
    document.getElementById('decision-category')?.focus();
  }, [preset]);
  const stateResult = assessment?.states.find((s) => s.code === values.state);
  const supported = stateResult && values.category ? stateResult.categories.includes(values.category as AssessmentCategory) : undefined;
  const [errors, setErrors] = useState<Partial<Record<keyof Values, string>>>({});
  const [serverError, setServerError] = useState<string>();
  const [done, setDone] = useState<string>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    try {
      sessionStorage.setItem(DRAFT, JSON.stringify(values));
    } catch {
      // Storage refused: the form still works, it just cannot survive a reload.
    }
  }, [values]);
  const set = (k: keyof Values, v: string) => setValues((x) => ({ ...x, [k]: v }));
  const submit = async (e: Event) => {
    e.preventDefault();
    setDone(undefined);
    const found: Partial<Record<keyof Values, string>> = {};
    for (const k of Object.keys(EMPTY) as (keyof Values)[]) if (!values[k].trim()) found[k] = t('form.required');
    setErrors(found);
    if (Object.keys(found).length) {
      setServerError(t('common.fixErrors'));
      document.getElementById(`decision-${Object.keys(found)[0]}`)?.focus();
      return;
    }
    setBusy(true);
    setServerError(undefined);
    try {
      const r = await recordDecision({ state: values.state, category: values.category as AssessmentCategory, adopted: values.adopted === 'yes', ground: values.ground, date: values.date.trim(), act: values.act });
      // The act and the date are usually shared by every record of one decision: kept for the next record.
      setValues({ ...EMPTY, date: values.date, act: values.act });
      setDone(t('assess.recorded', { state: stateName(r.state), category: categoryName(r.category), adopted: r.adopted ? t('ws.yes') : t('ws.no') }));
      onRecorded();
    } catch (err) {
      setServerError(err instanceof ApiError ? (err.status === 401 ? t('form.sessionExpired') : err.message) : String(err));
    } finally {
      setBusy(false);
    }
  };
  const aria = (k: keyof Values) => ({ id: `decision-${k}`, 'aria-invalid': errors[k] ? ('true' as const) : undefined, 'aria-describedby': errors[k] ? `decision-${k}-error` : undefined });
  const field = (k: keyof Values, label: string, control: ComponentChildren, hint?: string) => (
    <div class="field">
      <label for={`decision-${k}`}>{label}</label>
      {hint && <p class="hint">{hint}</p>}
      {control}
      {errors[k] && <p class="field-error" id={`decision-${k}-error`}>{errors[k]}</p>}
    </div>
  );
  return (
    <form class="form" onSubmit={submit} noValidate aria-labelledby="decision-title" data-form="decision-record">
      <h3 id="decision-title">{t('assess.recordTitle')}</h3>
      <p class="hint">{t('assess.recordLead')}</p>
      {field('state', t('common.memberState'), (
        <select {...aria('state')} value={values.state} onChange={(e) => set('state', e.currentTarget.value)}>
          <option value="">{t('form.choose')}</option>
          {STATES.map((c) => <option key={c} value={c}>{stateName(c)}</option>)}
        </select>
      ))}
      {field('category', t('assess.category'), (
        <select {...aria('category')} value={values.category} onChange={(e) => set('category', e.currentTarget.value)}>
          <option value="">{t('form.choose')}</option>
          {ASSESSMENT_CATEGORIES.map((c) => <option key={c} value={c}>{categoryName(c)}</option>)}
        </select>
      ))}
      {supported !== undefined && (
        <p class="hint" aria-live="polite" data-hint="evidence">
          {t(supported ? 'assess.evidenceSupports' : 'assess.evidenceDoesNot', { state: stateName(values.state), category: categoryName(values.category as AssessmentCategory) })}
        </p>
      )}
      {field('adopted', t('assess.adopted'), (
        <select {...aria('adopted')} value={values.adopted} onChange={(e) => set('adopted', e.currentTarget.value)}>
          <option value="">{t('form.choose')}</option>
          <option value="yes">{t('assess.adoptedYes')}</option>
          <option value="no">{t('assess.adoptedNo')}</option>
        </select>
      ))}
      {field('ground', t('assess.ground'), <textarea {...aria('ground')} rows={3} value={values.ground} onInput={(e) => set('ground', e.currentTarget.value)} />, t('assess.groundHint'))}
      {field('date', t('assess.date'), <input {...aria('date')} inputMode="numeric" placeholder="2025-11-14" value={values.date} onInput={(e) => set('date', e.currentTarget.value)} />, t('assess.dateHint'))}
      {field('act', t('assess.act'), <input {...aria('act')} value={values.act} onInput={(e) => set('act', e.currentTarget.value)} />, t('assess.actHint'))}
      {serverError && <p role="alert" class="error">{serverError}</p>}
      {done && <p role="status" class="ok">{done}</p>}
      <button type="submit" disabled={busy}>{t('assess.recordSubmit')}</button>
    </form>
  );
}
