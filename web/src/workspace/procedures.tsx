/**
 * The procedures around the cycle in the workspaces (issue 9): a Member State records the milestones of its national
 * implementation plan and asks the Migration Support Toolbox for support (AMMR Art 6(3)); the Commission reviews the
 * milestones and decides the requests, which it and the Coordinator see in serving order, at-risk Member States
 * first. The server checks every role; the forms only show what a role may do.
 */
import { useState } from 'preact/hooks';
import { MILESTONE_STATUSES, MILESTONES } from '../../../src/domain/procedures/implementation-plan.ts';
import { TOOLBOX_CATALOGUE } from '../../../src/domain/procedures/support-toolbox.ts';
import { api, ApiError } from '../api/client.ts';
import { DataTable } from '../components/data-table.tsx';
import { ErrorNote, Loading } from '../components/status.tsx';
import { useAsync } from '../components/use-async.ts';
import { formatDate, stateName, t, type MessageKey } from '../i18n/i18n.ts';

interface MilestoneRecord {
  state: string;
  milestone: string;
  status: string;
  evidence: string;
  targetDate: string | null;
  updatedAt: string;
  review: 'pending' | 'accepted' | 'returned';
  reviewNote: string;
}

interface SupportRequest {
  id: number;
  state: string;
  item: string;
  description: string;
  status: string;
  submittedAt: string;
  note: string;
  priority: 'at-risk' | 'standard' | 'closed';
  rank: number;
}

interface ToolboxView {
  atRisk: { states: string[]; basis: string };
  requests: SupportRequest[];
}

const milestoneLabel = (id: string) => t(`milestone.${id}` as MessageKey);
const itemLabel = (id: string) => t(`toolbox.item.${id}` as MessageKey);
const errorText = (e: unknown) => (e instanceof ApiError ? (e.status === 401 ? t('form.sessionExpired') : e.message) : String(e));

/** Runs one request to the API at a time, keeping the server's refusal to show beside the form. */
function useAction(onDone: () => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();
  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      await action();
      setDone(t('common.saved'));
      onDone();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, done, run };
}

function Feedback({ error, done }: { error: string | undefined; done: string | undefined }) {
  return (
    <>
      {error && <p role="alert" class="error">{error}</p>}
      {done && <p role="status" class="ok">{done}</p>}
    </>
  );
}

function MilestonesTable({ records, caption, withState }: { records: MilestoneRecord[]; caption: string; withState: boolean }) {
  return (
    <DataTable<MilestoneRecord>
      caption={caption}
      rows={records}
      rowKey={(r) => `${r.state}-${r.milestone}`}
      columns={[
        ...(withState ? [{ label: t('common.memberState'), cell: (r: MilestoneRecord) => stateName(r.state) }] : []),
        { label: t('impl.milestone'), cell: (r) => milestoneLabel(r.milestone) },
        { label: t('impl.status'), cell: (r) => t(`impl.status.${r.status}` as MessageKey) },
        { label: t('impl.evidence'), cell: (r) => r.evidence || '–' },
        { label: t('impl.targetDate'), cell: (r) => (r.targetDate ? formatDate(r.targetDate) : '–') },
        { label: t('impl.review'), cell: (r) => `${t(`impl.review.${r.review}` as MessageKey)}${r.reviewNote ? `: ${r.reviewNote}` : ''}` },
      ]}
    />
  );
}

/** A Member State's own plan: what it has reported, with the Commission's review, and the form to report a milestone. */
export function ImplementationPlanPanel({ code }: { code: string }) {
  const records = useAsync(() => api.get<MilestoneRecord[]>(`/api/implementation/${code}`), [code]);
  const [milestone, setMilestone] = useState('');
  const [status, setStatus] = useState('');
  const [evidence, setEvidence] = useState('');
  const [targetDate, setTargetDate] = useState('');
  const action = useAction(records.reload);
  const submit = (e: Event) => {
    e.preventDefault();
    void action.run(() => api.put(`/api/implementation/${code}/${milestone}`, { status, evidence, targetDate: targetDate || null }));
  };
  return (
    <section aria-labelledby="impl-plan">
      <h2 id="impl-plan">{t('impl.title')}</h2>
      <p>{t('impl.intro')}</p>
      {records.error ? <ErrorNote error={records.error} /> : records.loading && !records.data ? <Loading /> : records.data!.length ? <MilestonesTable records={records.data!} caption={t('impl.yours')} withState={false} /> : <p>{t('impl.noneYet')}</p>}
      <form class="form" onSubmit={submit} aria-labelledby="impl-form">
        <h3 id="impl-form">{t('impl.record')}</h3>
        <div class="field">
          <label for="impl-milestone">{t('impl.milestone')}</label>
          <select id="impl-milestone" required value={milestone} onChange={(e) => setMilestone(e.currentTarget.value)}>
            <option value="">{t('form.choose')}</option>
            {MILESTONES.map((m) => <option key={m.id} value={m.id}>{milestoneLabel(m.id)}</option>)}
          </select>
        </div>
        <div class="field">
          <label for="impl-status">{t('impl.status')}</label>
          <select id="impl-status" required value={status} onChange={(e) => setStatus(e.currentTarget.value)}>
            <option value="">{t('form.choose')}</option>
            {MILESTONE_STATUSES.map((s) => <option key={s} value={s}>{t(`impl.status.${s}` as MessageKey)}</option>)}
          </select>
        </div>
        <div class="field">
          <label for="impl-evidence">{t('impl.evidence')}</label>
          <p class="hint" id="impl-evidence-hint">{t('impl.evidenceHint')}</p>
          <textarea id="impl-evidence" rows={3} aria-describedby="impl-evidence-hint" value={evidence} onInput={(e) => setEvidence(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="impl-target">{t('impl.targetDate')} ({t('form.optional')})</label>
          <input id="impl-target" type="date" value={targetDate} onInput={(e) => setTargetDate(e.currentTarget.value)} />
        </div>
        <Feedback error={action.error} done={action.done} />
        <button type="submit" disabled={action.busy || !milestone || !status}>{t('impl.send')}</button>
      </form>
    </section>
  );
}

/** The Commission: every milestone reported, the pending ones to accept or return with a reason. */
export function ImplementationReviewPanel() {
  const overview = useAsync(() => api.get<{ records: MilestoneRecord[]; statesNotReporting: string[] }>('/api/implementation'), []);
  const [notes, setNotes] = useState<Record<string, string>>({});
  const action = useAction(overview.reload);
  if (overview.error) return <ErrorNote error={overview.error} />;
  if (!overview.data) return <Loading />;
  const pending = overview.data.records.filter((r) => r.review === 'pending');
  const review = (r: MilestoneRecord, outcome: 'accepted' | 'returned') =>
    action.run(() => api.post(`/api/implementation/${r.state}/${r.milestone}/review`, { outcome, note: notes[`${r.state}-${r.milestone}`] ?? '' }));
  return (
    <section aria-labelledby="impl-review">
      <h2 id="impl-review">{t('impl.reviewTitle')}</h2>
      <p>{t('impl.reviewIntro', { reported: overview.data.records.length, silent: overview.data.statesNotReporting.length })}</p>
      <Feedback error={action.error} done={action.done} />
      {pending.length === 0 ? (
        <p>{t('impl.nothingPending')}</p>
      ) : (
        <ul class="review-list">
          {pending.map((r) => {
            const key = `${r.state}-${r.milestone}`;
            return (
              <li key={key}>
                <p>
                  <strong>{stateName(r.state)}</strong> — {milestoneLabel(r.milestone)}: {t(`impl.status.${r.status}` as MessageKey)}. {r.evidence}
                </p>
                <label for={`review-note-${key}`}>{t('impl.reviewNote')}</label>
                <input id={`review-note-${key}`} value={notes[key] ?? ''} onInput={(e) => setNotes({ ...notes, [key]: e.currentTarget.value })} />
                <button type="button" disabled={action.busy} onClick={() => void review(r, 'accepted')}>{t('impl.accept', { state: stateName(r.state) })}</button>{' '}
                <button type="button" disabled={action.busy} onClick={() => void review(r, 'returned')}>{t('impl.return', { state: stateName(r.state) })}</button>
              </li>
            );
          })}
        </ul>
      )}
      {overview.data.records.length > 0 && <MilestonesTable records={overview.data.records} caption={t('impl.allReported')} withState />}
    </section>
  );
}

const OPEN = new Set(['submitted', 'in-review']);

/** A Member State asks the Toolbox for support and follows its requests; it may withdraw one still open. */
export function ToolboxRequestPanel() {
  const view = useAsync(() => api.get<ToolboxView>('/api/toolbox/requests'), []);
  const [item, setItem] = useState('');
  const [description, setDescription] = useState('');
  const action = useAction(() => {
    setDescription('');
    view.reload();
  });
  const submit = (e: Event) => {
    e.preventDefault();
    void action.run(() => api.post('/api/toolbox/requests', { item, description }));
  };
  return (
    <section aria-labelledby="toolbox-ms">
      <h2 id="toolbox-ms">{t('toolbox.title')}</h2>
      <p>{t('toolbox.intro')}</p>
      {view.error ? <ErrorNote error={view.error} /> : !view.data ? <Loading /> : view.data.requests.length === 0 ? <p>{t('toolbox.noneYet')}</p> : (
        <DataTable<SupportRequest>
          caption={t('toolbox.yours')}
          rows={view.data.requests}
          rowKey={(r) => String(r.id)}
          columns={[
            { label: t('toolbox.item'), cell: (r) => itemLabel(r.item) },
            { label: t('toolbox.submitted'), cell: (r) => formatDate(r.submittedAt) },
            { label: t('toolbox.status'), cell: (r) => `${t(`toolbox.status.${r.status}` as MessageKey)}${r.note ? `: ${r.note}` : ''}` },
            {
              label: t('toolbox.actions'),
              cell: (r) => (OPEN.has(r.status) ? <button type="button" disabled={action.busy} onClick={() => void action.run(() => api.post(`/api/toolbox/requests/${r.id}/status`, { status: 'withdrawn' }))}>{t('toolbox.withdraw', { item: itemLabel(r.item) })}</button> : '–'),
            },
          ]}
        />
      )}
      <form class="form" onSubmit={submit} aria-labelledby="toolbox-form">
        <h3 id="toolbox-form">{t('toolbox.ask')}</h3>
        <div class="field">
          <label for="toolbox-item">{t('toolbox.item')}</label>
          <select id="toolbox-item" required value={item} onChange={(e) => setItem(e.currentTarget.value)}>
            <option value="">{t('form.choose')}</option>
            {TOOLBOX_CATALOGUE.map((i) => <option key={i.id} value={i.id}>{itemLabel(i.id)}</option>)}
          </select>
        </div>
        <div class="field">
          <label for="toolbox-description">{t('toolbox.description')}</label>
          <textarea id="toolbox-description" rows={3} value={description} onInput={(e) => setDescription(e.currentTarget.value)} />
        </div>
        <Feedback error={action.error} done={action.done} />
        <button type="submit" disabled={action.busy || !item}>{t('toolbox.send')}</button>
      </form>
    </section>
  );
}

/** What the Commission may make of a request in each status (the server's transitions, AMMR Art 6(3) practice). */
const COMMISSION_MOVES: Record<string, string[]> = { submitted: ['in-review', 'refused'], 'in-review': ['granted', 'refused'], granted: ['delivered'] };

/** Every request in serving order (at-risk Member States first): the Commission decides, the Coordinator reads. */
export function ToolboxQueuePanel({ decide }: { decide: boolean }) {
  const view = useAsync(() => api.get<ToolboxView>('/api/toolbox/requests'), []);
  const [notes, setNotes] = useState<Record<number, string>>({});
  const action = useAction(view.reload);
  if (view.error) return <ErrorNote error={view.error} />;
  if (!view.data) return <Loading />;
  const v = view.data;
  return (
    <section aria-labelledby="toolbox-queue">
      <h2 id="toolbox-queue">{t('toolbox.queueTitle')}</h2>
      <p>{v.atRisk.states.length ? t('toolbox.atRisk', { states: v.atRisk.states.map(stateName).join(', ') }) : t('toolbox.noneAtRisk')}</p>
      <p class="muted">{v.atRisk.basis}</p>
      <Feedback error={action.error} done={action.done} />
      {v.requests.length === 0 ? (
        <p>{t('toolbox.noRequests')}</p>
      ) : (
        <DataTable<SupportRequest>
          caption={t('toolbox.queue')}
          rows={v.requests}
          rowKey={(r) => String(r.id)}
          columns={[
            { label: t('toolbox.rank'), cell: (r) => String(r.rank) },
            { label: t('common.memberState'), cell: (r) => stateName(r.state) },
            { label: t('toolbox.priority'), cell: (r) => t(`toolbox.priority.${r.priority}` as MessageKey) },
            { label: t('toolbox.item'), cell: (r) => itemLabel(r.item) },
            { label: t('toolbox.description'), cell: (r) => r.description },
            { label: t('toolbox.status'), cell: (r) => `${t(`toolbox.status.${r.status}` as MessageKey)}${r.note ? `: ${r.note}` : ''}` },
            ...(decide
              ? [
                  {
                    label: t('toolbox.actions'),
                    cell: (r: SupportRequest) =>
                      (COMMISSION_MOVES[r.status] ?? []).length === 0 ? '–' : (
                        <>
                          <label for={`toolbox-note-${r.id}`} class="visually-hidden">{t('toolbox.note', { state: stateName(r.state) })}</label>
                          <input id={`toolbox-note-${r.id}`} placeholder={t('toolbox.notePlaceholder')} value={notes[r.id] ?? ''} onInput={(e) => setNotes({ ...notes, [r.id]: e.currentTarget.value })} />
                          {COMMISSION_MOVES[r.status]!.map((to) => (
                            <button key={to} type="button" disabled={action.busy} onClick={() => void action.run(() => api.post(`/api/toolbox/requests/${r.id}/status`, { status: to, note: notes[r.id] ?? '' }))}>
                              {t(`toolbox.move.${to}` as MessageKey)}
                            </button>
                          ))}
                        </>
                      ),
                  },
                ]
              : []),
          ]}
        />
      )}
    </section>
  );
}
