/**
 * The procedural deadline calculator (`pactcycle deadline`, `GET /api/procedures/:procedure/deadlines`): a procedure
 * of the Pact, its start date and the Member State's public holidays give each step's last day, with the article, how
 * it is counted (AMMR Art 75 or Regulation 1182/71 Art 3) and why a last day moved off a non-working day. The query is
 * in the URL (`/deadlines?procedure=…&from=…&holiday=…`), so a result can be linked; the server's notes are said in
 * the reader's language, its errors (which name the field) shown as they come.
 */
import { useState } from 'preact/hooks';
import { fetchDeadlines, fetchProcedures, type DeadlineQuery, type Deadlines, type ProcedureInfo, type StepDeadline } from '../api/deadlines.ts';
import { DataTable } from '../components/data-table.tsx';
import { ErrorNote, Loading } from '../components/status.tsx';
import { useAsync } from '../components/use-async.ts';
import { formatDate, noteText, t } from '../i18n/i18n.ts';
import { useLocale } from '../i18n/use-locale.ts';
import { navigate } from '../router.ts';

function readQuery(): DeadlineQuery {
  const p = new URLSearchParams(location.search);
  return { procedure: p.get('procedure') ?? '', from: p.get('from') ?? '', holidays: p.getAll('holiday') };
}

function linkOf(q: DeadlineQuery): string {
  const p = new URLSearchParams({ procedure: q.procedure, from: q.from });
  for (const h of q.holidays) p.append('holiday', h);
  return `/deadlines?${p.toString()}`;
}

/** The instrument's name in the reader's language (the notes' `terms.instrument`). */
const instrumentName = (instrument: string) => noteText({ key: 'deadline.instrument', params: { instrument }, text: instrument });

function QueryForm({ procedures, query }: { procedures: ProcedureInfo[]; query: DeadlineQuery }) {
  const [procedure, setProcedure] = useState(procedures.some((p) => p.name === query.procedure) ? query.procedure : (procedures[0]?.name ?? ''));
  const [from, setFrom] = useState(query.from);
  const [holidays, setHolidays] = useState(query.holidays.join(', '));
  const chosen = procedures.find((p) => p.name === procedure);
  const instruments = [...new Set(procedures.map((p) => p.instrument))];
  const submit = (e: Event) => {
    e.preventDefault();
    // Dates separated by spaces, commas or semicolons; each is checked by the server, which names a bad one.
    navigate(linkOf({ procedure, from, holidays: holidays.split(/[\s,;]+/).filter(Boolean) }));
  };
  return (
    <form class="form" onSubmit={submit}>
      <label for="dl-procedure">{t('deadlines.procedure')}</label>
      <select id="dl-procedure" value={procedure} onChange={(e) => setProcedure(e.currentTarget.value)} aria-describedby="dl-starts">
        {instruments.map((i) => (
          <optgroup key={i} label={instrumentName(i)}>
            {procedures.filter((p) => p.instrument === i).map((p) => (
              <option key={p.name} value={p.name}>{noteText(p.title)}</option>
            ))}
          </optgroup>
        ))}
      </select>
      <p id="dl-starts" class="hint">{chosen && t('deadlines.startsOn', { event: noteText(chosen.startsOn), articles: chosen.articles.join('; ') })}</p>
      <label for="dl-from">{t('deadlines.from')}</label>
      <input id="dl-from" type="date" required value={from} onInput={(e) => setFrom(e.currentTarget.value)} />
      <label for="dl-holidays">{t('deadlines.holidays')}</label>
      <input id="dl-holidays" type="text" value={holidays} onInput={(e) => setHolidays(e.currentTarget.value)} aria-describedby="dl-holidays-hint" />
      <p id="dl-holidays-hint" class="hint">{t('deadlines.holidaysHint')}</p>
      <button type="submit">{t('deadlines.submit')}</button>
    </form>
  );
}

function Moved({ s }: { s: StepDeadline }) {
  if (!s.moved) return <span class="muted">{t('deadlines.notMoved')}</span>;
  return <span data-note={s.moved.key}>{t('deadlines.movedFrom', { date: formatDate(s.nominalEnd), reason: noteText(s.moved) })}</span>;
}

function Extension({ s }: { s: StepDeadline }) {
  const x = s.extended;
  if (!x) return <span class="muted">–</span>;
  return (
    <>
      {t('deadlines.extension', { date: formatDate(x.deadline), article: x.article, condition: noteText(x.condition) })}
      {x.moved && <> {t('deadlines.extensionMoved', { reason: noteText(x.moved) })}</>}
    </>
  );
}

function Result({ r }: { r: Deadlines }) {
  const title = noteText(r.title);
  return (
    <section aria-labelledby="dl-result">
      <h2 id="dl-result">{title}</h2>
      <ul class="facts">
        <li>{noteText(r.instrument)}</li>
        <li>{t('deadlines.startedOn', { date: formatDate(r.from), event: noteText(r.startsOn) })}</li>
        <li>{t('deadlines.counting', { rule: noteText(r.counting) })}</li>
      </ul>
      <DataTable<StepDeadline>
        caption={t('deadlines.caption', { procedure: title, date: formatDate(r.from) })}
        rowKey={(s) => s.id}
        rows={r.steps}
        columns={[
          { label: t('deadlines.col.step'), cell: (s) => noteText(s.label) },
          { label: t('deadlines.col.article'), cell: (s) => s.article },
          { label: t('deadlines.col.from'), cell: (s) => t('deadlines.countedFrom', { date: formatDate(s.from), basis: noteText(s.fromBasis) }) },
          { label: t('deadlines.col.period'), cell: (s) => noteText(s.period) },
          { label: t('deadlines.col.lastDay'), cell: (s) => <time dateTime={s.deadline}>{formatDate(s.deadline)}</time> },
          { label: t('deadlines.col.moved'), cell: (s) => <Moved s={s} /> },
          { label: t('deadlines.col.extended'), cell: (s) => <Extension s={s} /> },
        ]}
      />
      {r.notes.length > 0 && (
        <>
          <h3>{t('deadlines.notes')}</h3>
          <ul>
            {r.notes.map((n, i) => (
              <li key={i} data-note={n.key}>{noteText(n)}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function Computed({ query }: { query: DeadlineQuery }) {
  const link = linkOf(query);
  const result = useAsync(() => fetchDeadlines(query), [link]);
  if (result.error) return <p role="alert" class="error">{t('deadlines.error', { message: result.error.message })}</p>;
  if (!result.data) return <Loading />;
  return <Result r={result.data} />;
}

export function DeadlinesPage() {
  useLocale();
  const list = useAsync(fetchProcedures, []);
  const query = readQuery();
  // A new URL (a submitted query, the back button) starts the form again from what it says.
  const key = location.search;
  return (
    <>
      <h1>{t('deadlines.title')}</h1>
      <p>{t('deadlines.intro')}</p>
      {list.error ? <ErrorNote error={list.error} /> : !list.data ? <Loading /> : <QueryForm key={key} procedures={list.data} query={query} />}
      {query.procedure && query.from && <Computed key={key} query={query} />}
    </>
  );
}
