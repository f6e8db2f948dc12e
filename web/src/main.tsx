import { render } from 'preact';
import { fetchSession } from './api/client.ts';
import { App } from './app.tsx';
import { initialLocale, setLocale } from './i18n/i18n.ts';
import { interceptLinks } from './router.ts';
import './styles.css';

const root = document.getElementById('app')!;
const [session] = await Promise.all([fetchSession().catch(() => ({ user: null, csrfToken: '' })), setLocale(initialLocale())]);
interceptLinks(root);
render(<App initialUser={session.user} />, root);
