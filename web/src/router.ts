/**
 * Client-side routes over the History API. The server answers every non-API GET with index.html, so each route is
 * also a real, shareable URL.
 */
import { useEffect, useState } from 'preact/hooks';

export type Route =
  | { page: 'dashboard' }
  | { page: 'state'; geo: string }
  | { page: 'fair-share' }
  | { page: 'forecast' }
  | { page: 'deadlines' }
  | { page: 'methodology' }
  | { page: 'implementation' }
  | { page: 'pool' }
  | { page: 'downloads' }
  | { page: 'login' }
  | { page: 'workspace' }
  | { page: 'setup' }
  | { page: 'accounts' }
  | { page: 'not-found'; path: string };

export function parseRoute(path: string): Route {
  const parts = path.replace(/\/+$/, '').split('/').filter(Boolean);
  const [first, second] = parts;
  if (!first) return { page: 'dashboard' };
  if (first === 'state' && second && /^[A-Z]{2}$/.test(second) && parts.length === 2) return { page: 'state', geo: second };
  if (parts.length === 1 && ['fair-share', 'forecast', 'deadlines', 'methodology', 'implementation', 'pool', 'downloads', 'login', 'workspace', 'setup', 'accounts'].includes(first)) {
    return { page: first as 'fair-share' };
  }
  return { page: 'not-found', path };
}

const listeners = new Set<() => void>();

export function navigate(path: string): void {
  if (path === location.pathname + location.search) return;
  history.pushState(null, '', path);
  for (const l of listeners) l();
  window.scrollTo(0, 0);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.pathname));
  useEffect(() => {
    const update = () => setRoute(parseRoute(location.pathname));
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return route;
}

/** Follows same-origin links without a page load; modified clicks (new tab, …) keep the browser's behaviour. */
export function interceptLinks(root: HTMLElement): void {
  root.addEventListener('click', (e) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const a = (e.target as Element).closest('a');
    if (!a || a.target || a.hasAttribute('download') || a.origin !== location.origin || a.pathname.startsWith('/api')) return;
    e.preventDefault();
    navigate(a.pathname + a.search);
  });
}
