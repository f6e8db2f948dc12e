import { render } from 'preact';
import { fetchSession } from './api/client.ts';
import { App } from './app.tsx';
import { initialLocale, setLocale } from './i18n/i18n.ts';
import { loadFeatures } from './map/eu-map.tsx';
import { interceptLinks } from './router.ts';
import './styles.css';

// The front page's map boundaries are fetched at once, in parallel with the session and the page's data.
if (location.pathname === '/') void loadFeatures();
const root = document.getElementById('app')!;
const session = fetchSession().catch(() => ({ user: null, csrfToken: '' }));
await setLocale(initialLocale());
interceptLinks(root);
render(<App initialUser={(await session).user} />, root);
