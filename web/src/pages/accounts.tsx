/**
 * Accounts (the Commission): who may sign in, in which role, and a form to create an account for each person of the
 * cycle — the Council secretariat, the Coordinator, a Member State delegation, another Commission analyst. The
 * server checks everything again; a refused form keeps what was typed.
 */
import { useState } from 'preact/hooks';
import { SOLIDARITY_STATES } from '../../../src/domain/member-states.ts';
import { createAccount, fetchAccounts } from '../api/accounts.ts';
import { ApiError } from '../api/client.ts';
import { DataTable } from '../components/data-table.tsx';
import { ErrorNote, Loading } from '../components/status.tsx';
import { useAsync } from '../components/use-async.ts';
import { stateName, t } from '../i18n/i18n.ts';
import { memberStateOf, useSession } from '../session.ts';
import { LoginPage } from './login.tsx';
import { MIN_PASSWORD } from './setup.tsx';

export function roleLabel(role: string): string {
  const state = memberStateOf(role);
  if (state) return t('role.memberState', { state: stateName(state) });
  return role === 'commission' ? t('role.commission') : role === 'council' ? t('role.council') : role === 'coordinator' ? t('role.coordinator') : role;
}

const ROLES = ['commission', 'council', 'coordinator', ...SOLIDARITY_STATES.map((c) => `member-state:${c}`)];

export function AccountsPage() {
  const { user } = useSession();
  if (!user) return <LoginPage />;
  if (user.role !== 'commission') {
    return (
      <>
        <h1>{t('accounts.title')}</h1>
        <p>{t('accounts.commissionOnly')}</p>
      </>
    );
  }
  return <Accounts />;
}

function Accounts() {
  const list = useAsync(fetchAccounts, []);
  const [values, setValues] = useState({ name: '', role: '', password: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [serverError, setServerError] = useState<string>();
  const [done, setDone] = useState<string>();
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof values, v: string) => setValues((x) => ({ ...x, [k]: v }));
  const submit = async (e: Event) => {
    e.preventDefault();
    setDone(undefined);
    const found: Record<string, string> = {};
    if (!values.name.trim()) found.name = t('form.required');
    else if (!/^[A-Za-z0-9._@-]{1,64}$/.test(values.name)) found.name = t('accounts.nameRule');
    if (!values.role) found.role = t('form.required');
    if (values.password.length < MIN_PASSWORD) found.password = t('accounts.passwordRule', { min: String(MIN_PASSWORD) });
    setErrors(found);
    if (Object.keys(found).length) {
      setServerError(t('common.fixErrors'));
      document.getElementById(`account-${Object.keys(found)[0]}`)?.focus();
      return;
    }
    setBusy(true);
    setServerError(undefined);
    try {
      const created = await createAccount(values);
      setValues({ name: '', role: '', password: '' });
      setDone(t('accounts.created', { name: created.name, role: roleLabel(created.role) }));
      list.reload();
    } catch (err) {
      setServerError(err instanceof ApiError ? (err.status === 401 ? t('form.sessionExpired') : err.message) : String(err));
    } finally {
      setBusy(false);
    }
  };
  const error = (k: string) => errors[k] && <p class="field-error" id={`account-${k}-error`}>{errors[k]}</p>;
  const aria = (k: string) => ({ 'aria-invalid': errors[k] ? ('true' as const) : undefined, 'aria-describedby': errors[k] ? `account-${k}-error` : undefined });
  return (
    <>
      <h1>{t('accounts.title')}</h1>
      <p>{t('accounts.lead')}</p>
      <form class="form narrow" onSubmit={submit} noValidate aria-labelledby="account-form-title" data-form="account">
        <h2 id="account-form-title">{t('accounts.create')}</h2>
        <div class="field">
          <label for="account-name">{t('login.name')}</label>
          <input id="account-name" autoComplete="off" value={values.name} onInput={(e) => set('name', e.currentTarget.value)} {...aria('name')} />
          {error('name')}
        </div>
        <div class="field">
          <label for="account-role">{t('accounts.role')}</label>
          <select id="account-role" value={values.role} onChange={(e) => set('role', e.currentTarget.value)} {...aria('role')}>
            <option value="">{t('form.choose')}</option>
            {ROLES.map((r) => <option key={r} value={r}>{roleLabel(r)}</option>)}
          </select>
          {error('role')}
        </div>
        <div class="field">
          <label for="account-password">{t('accounts.initialPassword')}</label>
          <p class="hint">{t('accounts.passwordHint', { min: String(MIN_PASSWORD) })}</p>
          <input id="account-password" type="password" autoComplete="new-password" value={values.password} onInput={(e) => set('password', e.currentTarget.value)} {...aria('password')} />
          {error('password')}
        </div>
        {serverError && <p role="alert" class="error">{serverError}</p>}
        {done && <p role="status" class="ok">{done}</p>}
        <button type="submit" disabled={busy}>{t('accounts.create')}</button>
      </form>
      <section aria-labelledby="accounts-list-title">
        <h2 id="accounts-list-title">{t('accounts.list')}</h2>
        {list.error ? <ErrorNote error={list.error} /> : !list.data ? <Loading /> : (
          <DataTable caption={t('accounts.list')} rows={list.data.users} rowKey={(u) => u.name} columns={[{ label: t('login.name'), cell: (u) => u.name }, { label: t('accounts.role'), cell: (u) => roleLabel(u.role) }]} />
        )}
      </section>
      <p><a href="/workspace">{t('nav.workspace')}</a></p>
    </>
  );
}
