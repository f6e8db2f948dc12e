/**
 * The time limits of decided relocations (AMMR Art 67(9)–(11)): the Coordinator, who watches them at the
 * Technical-Level Forum, sees every case of a run; a Member State sees the cases it sends or receives. Both record
 * the steps they may: the state of relocation what it receives and confirms, the benefitting state the transfer,
 * the Coordinator any step. A correction is a new record; the latest wins. The public holidays typed in are sent with
 * the day (Art 75: a last day on one moves to the next working day); the server's notes are said in the reader's
 * language.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { NoteJson } from '../../../src/notes/render.ts';
import { api, ApiError } from '../api/client.ts';
import { DataTable } from '../components/data-table.tsx';
import { formatDate, noteText, stateName, t, type MessageKey } from '../i18n/i18n.ts';

const STEPS = ['informationReceived', 'postponementNotified', 'confirmed', 'transferDecision', 'personNotified', 'plannedTransfer', 'appealFinal', 'transferred'] as const;
type Step = (typeof STEPS)[number];
const OF_RELOCATION_STATE: readonly Step[] = ['informationReceived', 'postponementNotified', 'confirmed'];
const TIMERS = ['confirmation', 'transfer-decision', 'notice', 'transfer'] as const;

interface TimerStep { step: (typeof TIMERS)[number]; article: string; label: NoteJson; due: string | null; done: string | null; state: 'done' | 'done-late' | 'due' | 'overdue' | 'waiting'; note: NoteJson | null }
interface CaseTimers {
  caseId: string;
  benefitting: string;
  stateOfRelocation: string;
  persons: number;
  status: 'applicant' | 'beneficiary' | null;
  progress: Partial<Record<Step, string>>;
  timers: { steps: TimerStep[] } | null;
}

/** The steps the caller may record on a case: all for the Coordinator, its own side's for a Member State. */
function stepsFor(c: CaseTimers, code: string | null): Step[] {
  if (code === null) return [...STEPS];
  return STEPS.filter((s) => (OF_RELOCATION_STATE.includes(s) ? c.stateOfRelocation === code : c.benefitting === code));
}

/** The timers' query: the day, and each public holiday typed (dates separated by spaces, commas or semicolons). */
function timersQuery(day: string, holidays: string): string {
  const params = new URLSearchParams();
  if (day) params.set('today', day);
  for (const h of holidays.split(/[\s,;]+/).filter(Boolean)) params.append('holiday', h);
  const q = params.toString();
  return q ? `?${q}` : '';
}

/** `code`: the caller's Member State; null for the Coordinator. */
export function RelocationTimersPanel({ code }: { code: string | null }) {
  const [runs, setRuns] = useState<{ id: number; label: string }[] | null>(null);
  const [runId, setRunId] = useState<number | null>(null);
  const [today, setToday] = useState('');
  const [holidays, setHolidays] = useState('');
  const [cases, setCases] = useState<CaseTimers[] | null>(null);
  const [day, setDay] = useState('');
  const [error, setError] = useState<string | null>(null);
  const fail = (err: unknown) => setError(err instanceof ApiError ? err.message : String(err));

  // Only the latest request's answer is shown: the first load (the server's day) may come back after a Show.
  const latest = useRef(0);
  const load = async (id: number | null, on: string, off: string, ticket: number) => {
    if (id === null) return;
    try {
      const r = await api.get<{ today: string; cases: CaseTimers[] }>(`/api/matching/runs/${id}/timers${timersQuery(on, off)}`);
      if (ticket !== latest.current) return;
      setCases(r.cases);
      setDay(r.today);
      setError(null);
    } catch (err) {
      fail(err);
    }
  };
  // The run list is read again on Show: the Coordinator may have stored a run since.
  const refresh = (keep: number | null, on: string, off: string) => {
    const ticket = ++latest.current;
    return api.get<{ id: number; label: string }[]>('/api/matching/runs').then((list) => {
      if (ticket !== latest.current) return;
      setRuns(list);
      const id = keep !== null && list.some((r) => r.id === keep) ? keep : (list.at(-1)?.id ?? null);
      setRunId(id);
      return load(id, on, off, ticket);
    }, fail);
  };
  useEffect(() => void refresh(null, '', ''), []);

  const id = code ? `ms-timers` : 'coord-timers';
  const cell = (c: CaseTimers, which: (typeof TIMERS)[number]) => {
    const s = c.timers?.steps.find((x) => x.step === which);
    if (!s || s.due === null) return <span class="muted">{t('timers.waiting')}</span>;
    return (
      <>
        <span class={`badge ${s.state}`}>{t(`timers.state.${s.state}` as MessageKey)}</span>{' '}
        {t('timers.dueOn', { date: formatDate(s.due) })}
        {s.done && <> · {t('timers.doneOn', { date: formatDate(s.done) })}</>}
        {s.note && <span class="hint" data-note={s.note.key}> · {noteText(s.note)}</span>}
      </>
    );
  };
  return (
    <section aria-labelledby={id} data-timers={runId ?? ''}>
      <h2 id={id}>{t('timers.title')}</h2>
      <p class="hint">{t(code ? 'timers.introState' : 'timers.introCoordinator')}</p>
      <form class="form inline" onSubmit={(e) => { e.preventDefault(); void refresh(runId, today, holidays); }}>
        <label for={`${id}-run`}>{t('timers.run')}</label>
        <select id={`${id}-run`} value={runId ?? ''} onChange={(e) => setRunId(Number(e.currentTarget.value))}>
          {(runs ?? []).map((r) => <option key={r.id} value={r.id}>{`#${r.id} ${r.label}`}</option>)}
        </select>
        <label for={`${id}-today`}>{t('timers.today')}</label>
        <input id={`${id}-today`} type="date" value={today} onInput={(e) => setToday(e.currentTarget.value)} />
        <label for={`${id}-holidays`}>{t('timers.holidays')}</label>
        <input id={`${id}-holidays`} type="text" value={holidays} onInput={(e) => setHolidays(e.currentTarget.value)} />
        <button type="submit">{t('timers.show')}</button>
      </form>
      {runs !== null && runs.length === 0 && <p>{t('timers.noRuns')}</p>}
      {error && <p role="alert" class="error">{error}</p>}
      {cases && (
        <DataTable
          caption={t('timers.caption', { date: day ? formatDate(day) : '' })}
          rows={cases}
          rowKey={(c) => c.caseId}
          columns={[
            { label: t('timers.case'), cell: (c) => c.caseId },
            { label: t('timers.route'), cell: (c) => `${stateName(c.benefitting)} → ${stateName(c.stateOfRelocation)}` },
            { label: t('timers.received'), cell: (c) => (c.progress.informationReceived ? formatDate(c.progress.informationReceived) : t('timers.notYet')) },
            ...TIMERS.map((which) => ({ label: t(`timers.step.${which}` as MessageKey), cell: (c: CaseTimers) => cell(c, which) })),
          ]}
        />
      )}
      {cases && cases.length === 0 && <p>{t('timers.none')}</p>}
      {cases && cases.length > 0 && runId !== null && <RecordStep runId={runId} cases={cases} code={code} id={id} onRecorded={() => void load(runId, today, holidays, ++latest.current)} />}
    </section>
  );
}

function RecordStep({ runId, cases, code, id, onRecorded }: { runId: number; cases: CaseTimers[]; code: string | null; id: string; onRecorded: () => void }) {
  const [caseId, setCaseId] = useState(cases[0]!.caseId);
  const c = cases.find((x) => x.caseId === caseId) ?? cases[0]!;
  const allowed = stepsFor(c, code);
  const [step, setStep] = useState<Step>(allowed[0] ?? 'informationReceived');
  const [date, setDate] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const chosen = allowed.includes(step) ? step : allowed[0];
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!chosen) return;
    if (!date) return setMessage({ ok: false, text: t('timers.chooseDate') });
    try {
      await api.post(`/api/matching/runs/${runId}/cases/${encodeURIComponent(c.caseId)}/progress`, { step: chosen, date });
      setMessage({ ok: true, text: t('timers.recorded', { step: t(`timers.progress.${chosen}` as MessageKey), caseId: c.caseId }) });
      onRecorded();
    } catch (err) {
      setMessage({ ok: false, text: err instanceof ApiError ? err.message : String(err) });
    }
  };
  return (
    <form class="form" onSubmit={submit} noValidate>
      <h3>{t('timers.record')}</h3>
      <div class="field">
        <label for={`${id}-case`}>{t('timers.case')}</label>
        <select id={`${id}-case`} value={c.caseId} onChange={(e) => setCaseId(e.currentTarget.value)}>
          {cases.map((x) => <option key={x.caseId} value={x.caseId}>{`${x.caseId} (${x.benefitting} → ${x.stateOfRelocation})`}</option>)}
        </select>
      </div>
      <div class="field">
        <label for={`${id}-step`}>{t('timers.stepField')}</label>
        <select id={`${id}-step`} value={chosen} onChange={(e) => setStep(e.currentTarget.value as Step)}>
          {allowed.map((s) => <option key={s} value={s}>{t(`timers.progress.${s}` as MessageKey)}</option>)}
        </select>
      </div>
      <div class="field">
        <label for={`${id}-date`}>{t('timers.date')}</label>
        <input id={`${id}-date`} type="date" value={date} onInput={(e) => setDate(e.currentTarget.value)} />
      </div>
      {message && <p role={message.ok ? 'status' : 'alert'} class={message.ok ? 'ok' : 'error'}>{message.text}</p>}
      <button type="submit" disabled={!chosen}>{t('timers.recordButton')}</button>
    </form>
  );
}
