/**
 * First run: the link `npm start` prints when no account exists (`/setup?token=…`) opens this form, which creates the
 * first account — the Commission's — and signs it in. The token is taken out of the address bar at once, so it does
 * not stay in the history; a refused form keeps what was typed.
 */
import { useEffect, useState } from 'preact/hooks';
import { claimSetup, fetchSetupNeeded } from '../api/accounts.ts';
import { ApiError } from '../api/client.ts';
import { ErrorNote, Loading } from '../components/status.tsx';
import { useAsync } from '../components/use-async.ts';
import { t } from '../i18n/i18n.ts';
import { navigate } from '../router.ts';
import { useSession } from '../session.ts';

export const MIN_PASSWORD = 12;

export function SetupPage() {
  const { setUser } = useSession();
  const [token] = useState(() => new URLSearchParams(location.search).get('token') ?? '');
  useEffect(() => {
    if (location.search) history.replaceState(null, '', '/setup');
  }, []);
  const status = useAsync(fetchSetupNeeded, []);
  const [values, setValues] = useState({ name: '', password: '', repeat: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [serverError, setServerError] = useState<string>();
  const [busy, setBusy] = useState(false);
  if (status.error) return <ErrorNote error={status.error} />;
  if (!status.data) return <Loading />;
  if (!status.data.needed) {
    return (
      <>
        <h1>{t('setup.title')}</h1>
        <p>{t('setup.done')}</p>
        <p><a href="/login">{t('nav.login')}</a></p>
      </>
    );
  }
  const set = (k: keyof typeof values, v: string) => setValues((x) => ({ ...x, [k]: v }));
  const submit = async (e: Event) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!values.name.trim()) found.name = t('form.required');
    else if (!/^[A-Za-z0-9._@-]{1,64}$/.test(values.name)) found.name = t('accounts.nameRule');
    if (values.password.length < MIN_PASSWORD) found.password = t('accounts.passwordRule', { min: String(MIN_PASSWORD) });
    if (values.repeat !== values.password) found.repeat = t('setup.mismatch');
    setErrors(found);
    if (Object.keys(found).length) {
      setServerError(t('common.fixErrors'));
      document.getElementById(`setup-${Object.keys(found)[0]}`)?.focus();
      return;
    }
    setBusy(true);
    setServerError(undefined);
    try {
      setUser(await claimSetup({ token, name: values.name, password: values.password }));
      navigate('/accounts');
    } catch (err) {
      setServerError(err instanceof ApiError && err.code === 'setup-refused' ? t('setup.refused') : err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const field = (k: keyof typeof values, label: string, secret: boolean) => {
    const common = { id: `setup-${k}`, value: values[k], onInput: (e: { currentTarget: HTMLInputElement }) => set(k, e.currentTarget.value), 'aria-invalid': errors[k] ? ('true' as const) : undefined, 'aria-describedby': errors[k] ? `setup-${k}-error` : undefined };
    return (
      <div class="field">
        <label for={`setup-${k}`}>{label}</label>
        {secret ? <input type="password" autoComplete="new-password" {...common} /> : <input autoComplete="username" {...common} />}
        {errors[k] && <p class="field-error" id={`setup-${k}-error`}>{errors[k]}</p>}
      </div>
    );
  };
  return (
    <>
      <h1>{t('setup.title')}</h1>
      <p>{t('setup.lead')}</p>
      {!token && <p class="error">{t('setup.noToken')}</p>}
      <form class="form narrow" onSubmit={submit} noValidate aria-labelledby="setup-form-title">
        <h2 id="setup-form-title">{t('setup.formTitle')}</h2>
        {field('name', t('login.name'), false)}
        {field('password', t('login.password'), true)}
        {field('repeat', t('setup.repeat'), true)}
        <p class="hint">{t('accounts.passwordRule', { min: String(MIN_PASSWORD) })}</p>
        {serverError && <p role="alert" class="error">{serverError}</p>}
        <button type="submit" disabled={busy}>{t('setup.submit')}</button>
      </form>
    </>
  );
}
