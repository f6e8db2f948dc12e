/** The page frame: skip link, header with navigation, language and session, and the routed page. */
import { useEffect, useState } from 'preact/hooks';
import { logout, type SessionUser } from './api/client.ts';
import { LANGUAGES, languageName, setLocale, t } from './i18n/i18n.ts';
import { useLocale } from './i18n/use-locale.ts';
import { AccountsPage } from './pages/accounts.tsx';
import { Dashboard } from './pages/dashboard.tsx';
import { DeadlinesPage } from './pages/deadlines.tsx';
import { Downloads } from './pages/downloads.tsx';
import { FairSharePage } from './pages/fair-share.tsx';
import { ForecastPage } from './pages/forecast.tsx';
import { LoginPage } from './pages/login.tsx';
import { ImplementationPage } from './pages/implementation.tsx';
import { Methodology } from './pages/methodology.tsx';
import { PoolPage } from './pages/pool.tsx';
import { SetupPage } from './pages/setup.tsx';
import { StatePage } from './pages/state.tsx';
import { Workspace } from './pages/workspace/workspace.tsx';
import { navigate, useRoute, type Route } from './router.ts';
import { SessionContext } from './session.ts';

const NAV = [
  ['/', 'nav.dashboard'],
  ['/fair-share', 'nav.fairShare'],
  ['/pool', 'nav.pool'],
  ['/forecast', 'nav.forecast'],
  ['/deadlines', 'nav.deadlines'],
  ['/implementation', 'nav.implementation'],
  ['/methodology', 'nav.methodology'],
  ['/downloads', 'nav.downloads'],
] as const;

function titleOf(route: Route): string {
  switch (route.page) {
    case 'dashboard': return t('nav.dashboard');
    case 'state': return route.geo;
    case 'fair-share': return t('nav.fairShare');
    case 'forecast': return t('nav.forecast');
    case 'deadlines': return t('nav.deadlines');
    case 'pool': return t('nav.pool');
    case 'methodology': return t('nav.methodology');
    case 'implementation': return t('nav.implementation');
    case 'downloads': return t('nav.downloads');
    case 'login': return t('login.title');
    case 'workspace': return t('nav.workspace');
    case 'setup': return t('setup.title');
    case 'accounts': return t('accounts.title');
    case 'not-found': return t('notFound.title');
  }
}

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'dashboard': return <Dashboard />;
    case 'state': return <StatePage geo={route.geo} />;
    case 'fair-share': return <FairSharePage />;
    case 'forecast': return <ForecastPage />;
    case 'deadlines': return <DeadlinesPage />;
    case 'pool': return <PoolPage />;
    case 'methodology': return <Methodology />;
    case 'implementation': return <ImplementationPage />;
    case 'downloads': return <Downloads />;
    case 'login': return <LoginPage />;
    case 'workspace': return <Workspace />;
    case 'setup': return <SetupPage />;
    case 'accounts': return <AccountsPage />;
    case 'not-found': return <><h1>{t('notFound.title')}</h1><p>{t('notFound.body', { path: route.path })}</p></>;
  }
}

export function App({ initialUser }: { initialUser: SessionUser | null }) {
  const route = useRoute();
  const locale = useLocale();
  const [user, setUser] = useState(initialUser);
  const [firstRoute] = useState(route);
  useEffect(() => {
    document.title = `${titleOf(route)} · Pactcycle`;
  }, [route, locale]);
  useEffect(() => {
    // Moving focus to the new page tells screen-reader users that the page changed (not on the first load).
    if (route !== firstRoute) document.getElementById('main')?.focus();
  }, [route, firstRoute]);
  const path = location.pathname;
  return (
    <SessionContext.Provider value={{ user, setUser }}>
      <a class="skip" href="#main">{t('nav.skip')}</a>
      <header class="site">
        <div class="brand">
          <a href="/">Pactcycle</a>
          <span class="tagline">{t('brand.tagline')}</span>
        </div>
        <nav aria-label={t('nav.label')}>
          <ul>
            {NAV.map(([href, key]) => (
              <li key={href}>
                <a href={href} aria-current={path === href ? 'page' : undefined}>{t(key)}</a>
              </li>
            ))}
            <li>
              <a href={user ? '/workspace' : '/login'} aria-current={path === '/workspace' || path === '/login' ? 'page' : undefined}>
                {user ? t('nav.workspace') : t('nav.login')}
              </a>
            </li>
          </ul>
        </nav>
        <div class="tools">
          <label for="language">{t('nav.language')}</label>
          <select id="language" value={locale} onChange={(e) => void setLocale(e.currentTarget.value)}>
            {LANGUAGES.map((code) => (
              <option key={code} value={code} lang={code}>{languageName(code)}</option>
            ))}
          </select>
          {user && (
            <>
              <span class="who">{t('nav.signedInAs', { name: user.name, role: user.role })}</span>
              <button type="button" class="link" onClick={() => void logout().then(() => { setUser(null); navigate('/'); })}>
                {t('nav.logout')}
              </button>
            </>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Page route={route} />
      </main>
      <footer class="site">
        <p>{t('footer.text')}</p>
      </footer>
    </SessionContext.Provider>
  );
}
