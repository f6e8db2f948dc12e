/** Signing in: a name and a password; the server sets an HttpOnly session cookie. */
import { useState } from 'preact/hooks';
import { fetchSetupNeeded } from '../api/accounts.ts';
import { ApiError, login } from '../api/client.ts';
import { useAsync } from '../components/use-async.ts';
import { t } from '../i18n/i18n.ts';
import { navigate } from '../router.ts';
import { useSession } from '../session.ts';

export function LoginPage() {
  const { setUser } = useSession();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  // No account yet: say where the first one comes from, instead of letting people guess passwords.
  const setup = useAsync(fetchSetupNeeded, []);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!name || !password) return setError(t('login.missing'));
    setBusy(true);
    setError(undefined);
    try {
      const s = await login(name, password);
      setUser(s.user);
      navigate('/workspace');
    } catch (err) {
      // The password is cleared, the name kept: the user retypes only the secret.
      setPassword('');
      setError(err instanceof ApiError && err.status === 401 ? t('login.wrong') : err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <h1>{t('login.title')}</h1>
      {setup.data?.needed && <p class="notice" role="note">{t('login.noAccounts')}</p>}
      <form class="form narrow" onSubmit={submit} noValidate>
        {error && <p role="alert" class="error" id="login-error">{error}</p>}
        <label for="login-name">{t('login.name')}</label>
        <input id="login-name" name="username" autoComplete="username" value={name} onInput={(e) => setName(e.currentTarget.value)} required aria-describedby={error ? 'login-error' : undefined} />
        <label for="login-password">{t('login.password')}</label>
        <input id="login-password" name="password" type="password" autoComplete="current-password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} required />
        <button type="submit" disabled={busy}>{t('login.submit')}</button>
      </form>
    </>
  );
}
