/**
 * What the store holds: each indicator's rows, periods and latest vintage (published statistics only). The
 * Commission also loads data here: a tidy CSV file of a kind the manifest describes, or the configured data folder
 * again. The server parses the whole file before touching the store and stores it in one transaction, so a refused
 * file names its line and field and nothing stored is lost.
 */
import { useState } from 'preact/hooks';
import { api, ApiError } from '../api/client.ts';
import { DataTable } from '../components/data-table.tsx';
import { ErrorNote, Loading } from '../components/status.tsx';
import { useAsync } from '../components/use-async.ts';
import { formatNumber, t, type MessageKey } from '../i18n/i18n.ts';

interface DataStatusRow {
  indicator: string;
  rows: number;
  firstPeriod: string;
  lastPeriod: string;
  latestVintage: string;
  sources: string[];
}

interface ManifestFile {
  file: string;
  description?: string;
  source: string;
  indicators: string[];
  columns: string[];
  periods: { from: string; to: string };
}

interface LoadResult {
  source: string;
  rowsRead: number;
  observations: number;
  inserted: number;
  unchanged: number;
  files: { file: string; alreadyLoaded: boolean; inserted: number; unchanged: number }[];
}

export function DataStatus({ canLoad = false }: { canLoad?: boolean }) {
  const status = useAsync(() => api.get<{ indicators: DataStatusRow[] }>('/api/public/data-status'), []);
  return (
    <section aria-labelledby="data-status-title">
      <h2 id="data-status-title">{t('ws.dataStatus')}</h2>
      {!canLoad && <p class="hint">{t('ws.dataLoadHint')}</p>}
      {status.error ? <ErrorNote error={status.error} /> : !status.data ? <Loading /> : (
        <DataTable
          caption={t('ws.dataStatus')}
          rows={status.data.indicators}
          rowKey={(r) => r.indicator}
          columns={[
            { label: t('common.indicator'), cell: (r) => t(`indicator.${r.indicator}` as MessageKey) },
            { label: t('ws.rows'), numeric: true, cell: (r) => formatNumber(r.rows) },
            { label: t('ws.periods'), cell: (r) => `${r.firstPeriod} – ${r.lastPeriod}` },
            { label: t('ws.vintage'), cell: (r) => r.latestVintage },
            { label: t('ws.sources'), cell: (r) => r.sources.join(', ') },
          ]}
        />
      )}
      {canLoad && <DataLoad onLoaded={status.reload} />}
    </section>
  );
}

function DataLoad({ onLoaded }: { onLoaded: () => void }) {
  const files = useAsync(() => api.get<{ files: ManifestFile[]; folder: string | null }>('/api/data/files'), []);
  const [entry, setEntry] = useState('');
  const [upload, setUpload] = useState<{ name: string; text: string; lines: number }>();
  const [errors, setErrors] = useState<{ entry?: string; file?: string }>({});
  const [serverError, setServerError] = useState<string>();
  const [result, setResult] = useState<LoadResult>();
  const [busy, setBusy] = useState<'upload' | 'folder'>();
  if (files.error) return <ErrorNote error={files.error} />;
  if (!files.data) return <Loading />;
  const list = files.data.files;
  const chosen = list.find((f) => f.file === entry);

  const pick = async (file: File | undefined) => {
    setResult(undefined);
    if (!file) return setUpload(undefined);
    const text = await file.text();
    setUpload({ name: file.name, text, lines: text.split('\n').filter((l) => l.trim()).length - 1 });
    // A file named as one the manifest describes is that kind of file, unless the user chose otherwise.
    const match = list.find((f) => f.file.split('/').pop() === file.name);
    if (match && !entry) setEntry(match.file);
  };
  const send = async (kind: 'upload' | 'folder') => {
    setResult(undefined);
    if (kind === 'upload') {
      const found = { ...(entry ? {} : { entry: t('form.required') }), ...(upload ? {} : { file: t('data.chooseFile') }) };
      setErrors(found);
      if (Object.keys(found).length) {
        setServerError(t('common.fixErrors'));
        document.getElementById(found.entry ? 'data-entry' : 'data-file')?.focus();
        return;
      }
    }
    setBusy(kind);
    setServerError(undefined);
    try {
      const r = kind === 'upload' ? await api.post<LoadResult>('/api/data/upload', { file: entry, name: upload!.name, csv: upload!.text }) : await api.post<LoadResult>('/api/data/reload', {});
      setResult(r);
      onLoaded();
    } catch (err) {
      setServerError(err instanceof ApiError ? (err.status === 401 ? t('form.sessionExpired') : err.message) : String(err));
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <div data-panel="data-load">
      <h3 id="data-load-title">{t('data.loadTitle')}</h3>
      <p class="hint">{t('data.loadLead')}</p>
      <form class="form" noValidate aria-labelledby="data-load-title" onSubmit={(e) => { e.preventDefault(); void send('upload'); }}>
        <label for="data-entry">{t('data.kind')}</label>
        <select id="data-entry" value={entry} onChange={(e) => setEntry(e.currentTarget.value)} aria-invalid={errors.entry ? 'true' : undefined} aria-describedby={errors.entry ? 'data-entry-error' : chosen ? 'data-entry-hint' : undefined}>
          <option value="">{t('form.choose')}</option>
          {list.map((f) => <option key={f.file} value={f.file}>{f.file}</option>)}
        </select>
        {errors.entry && <p class="field-error" id="data-entry-error">{errors.entry}</p>}
        {chosen && (
          <p class="hint" id="data-entry-hint">
            {t('data.expects', { columns: chosen.columns.join(', '), from: chosen.periods.from, to: chosen.periods.to, indicators: chosen.indicators.map((i) => t(`indicator.${i}` as MessageKey)).join(', ') })}
          </p>
        )}
        <label for="data-file">{t('data.file')}</label>
        <input id="data-file" type="file" accept=".csv,text/csv" onChange={(e) => void pick(e.currentTarget.files?.[0])} aria-invalid={errors.file ? 'true' : undefined} aria-describedby={errors.file ? 'data-file-error' : undefined} />
        {errors.file && <p class="field-error" id="data-file-error">{errors.file}</p>}
        {upload && <p class="hint">{t('data.read', { count: upload.lines, name: upload.name })}</p>}
        <button type="submit" disabled={busy !== undefined}>{t('data.upload')}</button>
      </form>
      {files.data.folder && (
        <p>
          <button type="button" onClick={() => void send('folder')} disabled={busy !== undefined}>{t('data.reload')}</button>{' '}
          <span class="hint">{t('data.folder', { folder: files.data.folder })}</span>
        </p>
      )}
      <div aria-live="polite">
        {busy && <p role="status" class="muted">{t(busy === 'upload' ? 'data.uploading' : 'data.reloading')}</p>}
        {serverError && <p role="alert" class="error">{serverError}</p>}
        {result && (
          <div role="status" class="ok" data-result="data-load">
            <p>{t('data.result', { source: result.source, rows: formatNumber(result.rowsRead), inserted: formatNumber(result.inserted), unchanged: formatNumber(result.unchanged) })}</p>
            {result.files.some((f) => f.alreadyLoaded) && <p>{t('data.alreadyLoaded', { files: result.files.filter((f) => f.alreadyLoaded).map((f) => f.file).join(', ') })}</p>}
          </div>
        )}
      </div>
    </div>
  );
}
