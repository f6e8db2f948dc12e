/**
 * One form for recording one kind of pool event. Fields validate on the client for comfort (required, whole
 * non-negative numbers); the server decides. A refused submission keeps everything typed and shows the server's
 * message; what is typed is also kept in sessionStorage, so a session that expires mid-form loses nothing: sign in
 * again and the form comes back filled in.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api/client.ts';
import { recordEvent, type PoolEventType } from '../api/cycle.ts';
import { stateName, t, type MessageKey } from '../i18n/i18n.ts';

export type FieldKind = 'text' | 'textarea' | 'persons' | 'euros' | 'state' | 'boolean' | 'select' | 'percent';

export interface FieldSpec {
  name: string;
  kind: FieldKind;
  label: MessageKey;
  optional?: boolean;
  options?: readonly { value: string; label: string }[];
  hint?: string;
}

export type Values = Record<string, string>;

export interface EventFormProps {
  id: string;
  type: PoolEventType;
  title: MessageKey;
  fields: FieldSpec[];
  /** Builds the event's payload from the typed values (strings), after client validation. */
  toPayload: (v: Values) => Record<string, unknown>;
  initial?: Values;
  states?: readonly string[];
  onRecorded: () => void;
  /** Live figures under the fields (e.g. euro equivalents), recomputed as the user types. */
  live?: (v: Values) => ComponentChildren;
  submitLabel?: MessageKey;
}

const draftKey = (id: string) => `pactcycle.draft.${id}`;

function loadDraft(id: string): Values | undefined {
  try {
    const raw = sessionStorage.getItem(draftKey(id));
    return raw ? (JSON.parse(raw) as Values) : undefined;
  } catch {
    return undefined;
  }
}

function validate(fields: FieldSpec[], v: Values): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const f of fields) {
    const raw = (v[f.name] ?? '').trim();
    if (f.kind === 'boolean') continue;
    if (!raw) {
      if (!f.optional) errors[f.name] = t('form.required');
      continue;
    }
    if (f.kind === 'persons' || f.kind === 'euros') {
      if (!/^\d+$/.test(raw)) errors[f.name] = t('form.wholeNumber');
    }
    if (f.kind === 'percent' && !(Number(raw) >= 0 && Number(raw) <= 100)) errors[f.name] = t('form.percent');
  }
  return errors;
}

export function EventForm(p: EventFormProps) {
  const [values, setValues] = useState<Values>(() => ({ ...(p.initial ?? {}), ...(loadDraft(p.id) ?? {}) }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [serverError, setServerError] = useState<string>();
  const [done, setDone] = useState<string>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    try {
      sessionStorage.setItem(draftKey(p.id), JSON.stringify(values));
    } catch {
      // Storage refused: the form still works, it just cannot survive a reload.
    }
  }, [values, p.id]);
  const set = (name: string, value: string) => setValues((v) => ({ ...v, [name]: value }));
  const submit = async (e: Event) => {
    e.preventDefault();
    setDone(undefined);
    const found = validate(p.fields, values);
    setErrors(found);
    if (Object.keys(found).length) {
      setServerError(t('common.fixErrors'));
      document.getElementById(`${p.id}-${Object.keys(found)[0]}`)?.focus();
      return;
    }
    setBusy(true);
    setServerError(undefined);
    try {
      await recordEvent(p.type, p.toPayload(values));
      sessionStorage.removeItem(draftKey(p.id));
      setValues({ ...(p.initial ?? {}) });
      setDone(t('common.saved'));
      p.onRecorded();
    } catch (err) {
      const message = err instanceof ApiError ? (err.status === 401 ? t('form.sessionExpired') : err.message) : String(err);
      setServerError(message);
    } finally {
      setBusy(false);
    }
  };
  const field = (f: FieldSpec) => {
    const id = `${p.id}-${f.name}`;
    const err = errors[f.name];
    const common = { id, name: f.name, 'aria-invalid': err ? ('true' as const) : undefined, 'aria-describedby': err ? `${id}-error` : undefined };
    const value = values[f.name] ?? '';
    let control: ComponentChildren;
    switch (f.kind) {
      case 'textarea':
        control = <textarea {...common} rows={3} value={value} onInput={(e) => set(f.name, e.currentTarget.value)} />;
        break;
      case 'state':
        control = (
          <select {...common} value={value} onChange={(e) => set(f.name, e.currentTarget.value)}>
            <option value="">{t('form.choose')}</option>
            {(p.states ?? []).map((s) => <option key={s} value={s}>{stateName(s)}</option>)}
          </select>
        );
        break;
      case 'select':
        control = (
          <select {...common} value={value} onChange={(e) => set(f.name, e.currentTarget.value)}>
            <option value="">{t('form.choose')}</option>
            {(f.options ?? []).map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          </select>
        );
        break;
      case 'boolean':
        return (
          <label key={f.name} class="check">
            <input type="checkbox" id={id} checked={value === 'true'} onChange={(e) => set(f.name, e.currentTarget.checked ? 'true' : 'false')} /> {t(f.label)}
          </label>
        );
      default:
        control = <input {...common} inputMode={f.kind === 'text' ? undefined : 'numeric'} value={value} onInput={(e) => set(f.name, e.currentTarget.value)} />;
    }
    return (
      <div key={f.name} class="field">
        <label for={id}>
          {t(f.label)}
          {f.optional ? ` (${t('form.optional')})` : ''}
        </label>
        {f.hint && <p class="hint">{f.hint}</p>}
        {control}
        {err && <p class="field-error" id={`${id}-error`}>{err}</p>}
      </div>
    );
  };
  return (
    <form class="form event-form" onSubmit={submit} noValidate aria-labelledby={`${p.id}-title`} data-event={p.type}>
      <h3 id={`${p.id}-title`}>{t(p.title)}</h3>
      {p.fields.map(field)}
      {p.live?.(values)}
      {serverError && <p role="alert" class="error">{serverError}</p>}
      {done && <p role="status" class="ok">{done}</p>}
      <button type="submit" disabled={busy}>{t(p.submitLabel ?? 'common.submit')}</button>
    </form>
  );
}

/** Whole number from a validated field. */
export const int = (v: Values, name: string): number => Number((v[name] ?? '0').trim() || '0');
export const stateOptions = (codes: readonly string[]) => codes.map((c) => ({ value: c, label: stateName(c) }));
