/**
 * The Coordinator's relocation matching (AMMR Arts 60, 67): the places are the adopted pool's binding relocation
 * pledges less deductions, with releases towards states with systemic shortcomings; the cases come from a file the
 * benefitting states sent (or `pactcycle match generate`, SYNTHETIC). The run is stored as a proposal; a person then
 * accepts each case or changes its state of relocation, with a note.
 */
import { useState } from 'preact/hooks';
import { pledgesFromPool } from '../../../src/domain/matching/from-pool.ts';
import type { PoolView } from '../api/cycle.ts';
import { api, ApiError } from '../api/client.ts';
import { DataTable } from '../components/data-table.tsx';
import { formatNumber, formatPercent, stateName, t } from '../i18n/i18n.ts';

interface Assignment {
  caseId: string;
  benefitting: string;
  persons: number;
  proposedState: string | null;
  explanation: string;
  decision: 'proposed' | 'accepted' | 'changed';
  finalState: string | null;
  note: string;
}

interface Run {
  id: number;
  label: string;
  summary: {
    placedPersons: number;
    eligiblePersons: number;
    gap: number;
    optimal: boolean;
    excluded: number;
    states: { state: string; capacity: number; assigned: number; withoutLink: number; shareWithoutLink: number }[];
    benefitting: { state: string; demand: number; balancedShare: number; assigned: number }[];
  };
  assignments: Assignment[];
}

const SHOWN = 50;

export function MatchingPanel({ view }: { view: PoolView | undefined }) {
  const lines = view?.councilAct?.lines ?? [];
  const { pledges, releases } = pledgesFromPool(lines, view?.systemicShortcomings ?? []);
  const places = pledges.reduce((a, p) => a + p.persons, 0);
  const [cases, setCases] = useState<{ name: string; cases: unknown[] } | null>(null);
  const [run, setRun] = useState<Run | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const readFile = async (file: File | undefined) => {
    setError(null);
    if (!file) return;
    try {
      const json = JSON.parse(await file.text()) as unknown;
      const list = Array.isArray(json) ? json : (json as { cases?: unknown[] }).cases;
      if (!Array.isArray(list)) throw new Error(t('match.notCases'));
      setCases({ name: file.name, cases: list });
    } catch (e) {
      setCases(null);
      setError((e as Error).message);
    }
  };
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!cases) return setError(t('match.chooseFile'));
    setBusy(true);
    setError(null);
    try {
      setRun(await api.post<Run>('/api/matching/runs', { label: `${view?.cycle ?? ''} ${cases.name}`.trim(), cases: cases.cases, pledges, releases }));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const decide = async (a: Assignment, body: { decision: 'accept' | 'change'; state?: string; note?: string }) => {
    if (!run) return;
    try {
      const updated = await api.post<Assignment>(`/api/matching/runs/${run.id}/cases/${encodeURIComponent(a.caseId)}/decision`, body);
      setRun({ ...run, assignments: run.assignments.map((x) => (x.caseId === a.caseId ? { ...x, ...updated } : x)) });
      setError(null);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };

  return (
    <section aria-labelledby="coord-matching">
      <h2 id="coord-matching">{t('match.title')}</h2>
      <p>{t('match.places', { places, states: pledges.length })}</p>
      <form class="form" onSubmit={submit} noValidate>
        <div class="field">
          <label for="match-cases">{t('match.casesFile')}</label>
          <p class="hint">{t('match.casesHint')}</p>
          <input id="match-cases" type="file" accept="application/json,.json" onChange={(e) => void readFile(e.currentTarget.files?.[0])} />
        </div>
        {cases && <p role="status">{t('match.loaded', { count: cases.cases.length, name: cases.name })}</p>}
        {error && <p role="alert" class="error">{error}</p>}
        <button type="submit" disabled={busy || places === 0}>{t('match.run')}</button>
      </form>
      {run && <RunView run={run} decide={decide} />}
    </section>
  );
}

function RunView({ run, decide }: { run: Run; decide: (a: Assignment, body: { decision: 'accept' | 'change'; state?: string; note?: string }) => Promise<void> }) {
  const s = run.summary;
  const open = s.states.map((x) => x.state);
  return (
    <div data-run={run.id}>
      <p role="status" class="ok">
        {t('match.result', { placed: s.placedPersons, eligible: s.eligiblePersons, gap: formatPercent(s.gap, 4) })} {s.optimal ? t('match.optimal') : ''}
      </p>
      <DataTable
        caption={t('match.byState')}
        rows={s.states}
        rowKey={(x) => x.state}
        columns={[
          { label: t('field.contributingState'), cell: (x) => stateName(x.state) },
          { label: t('match.placesCol'), numeric: true, cell: (x) => formatNumber(x.capacity) },
          { label: t('match.assigned'), numeric: true, cell: (x) => formatNumber(x.assigned) },
          { label: t('match.withoutLink'), numeric: true, cell: (x) => `${formatNumber(x.withoutLink)} / ${formatNumber(x.shareWithoutLink)}` },
        ]}
      />
      <DataTable
        caption={t('match.byBenefitting')}
        rows={s.benefitting}
        rowKey={(x) => x.state}
        columns={[
          { label: t('field.benefittingState'), cell: (x) => stateName(x.state) },
          { label: t('match.eligible'), numeric: true, cell: (x) => formatNumber(x.demand) },
          { label: t('match.balancedShare'), numeric: true, cell: (x) => formatNumber(x.balancedShare) },
          { label: t('match.assigned'), numeric: true, cell: (x) => formatNumber(x.assigned) },
        ]}
      />
      <h3>{t('match.cases', { count: Math.min(SHOWN, run.assignments.length), total: run.assignments.length })}</h3>
      <ul class="match-cases">
        {run.assignments.slice(0, SHOWN).map((a) => (
          <CaseItem key={a.caseId} a={a} open={open.filter((c) => c !== a.benefitting)} decide={decide} />
        ))}
      </ul>
    </div>
  );
}

function CaseItem({ a, open, decide }: { a: Assignment; open: string[]; decide: (a: Assignment, body: { decision: 'accept' | 'change'; state?: string; note?: string }) => Promise<void> }) {
  const [to, setTo] = useState(open[0] ?? '');
  const [note, setNote] = useState('');
  const id = `case-${a.caseId}`;
  return (
    <li data-case={a.caseId}>
      <p>
        <strong>{a.caseId}</strong> ({a.persons}, {a.benefitting}) → {a.proposedState ? stateName(a.proposedState) : t('match.notPlaced')}
        {a.decision !== 'proposed' && <span class="badge"> {t(a.decision === 'accepted' ? 'match.accepted' : 'match.changed', { state: a.finalState ?? '' })}</span>}
      </p>
      <p class="hint">{a.explanation}</p>
      {a.proposedState && a.decision === 'proposed' && (
        <button type="button" onClick={() => void decide(a, { decision: 'accept' })}>{t('match.accept')}</button>
      )}
      <label for={`${id}-to`}>{t('match.changeTo')}</label>
      <select id={`${id}-to`} value={to} onChange={(e) => setTo(e.currentTarget.value)}>
        {open.map((c) => <option key={c} value={c}>{stateName(c)}</option>)}
      </select>
      <label for={`${id}-note`}>{t('match.note')}</label>
      <input id={`${id}-note`} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      <button type="button" onClick={() => void decide(a, { decision: 'change', state: to, note })}>{t('match.change')}</button>
    </li>
  );
}
