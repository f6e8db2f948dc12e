/**
 * The one way the browser talks to the API: JSON in and out, the session cookie sent by the browser, the CSRF token
 * attached to every unsafe request, and the API's one error body (`{ error: { code, message } }`) turned into an
 * ApiError the forms show next to what the user typed.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface SessionUser {
  name: string;
  role: string;
}

export interface Session {
  user: SessionUser | null;
  csrfToken: string;
}

let csrfToken: string | undefined;

export function rememberCsrf(token: string): void {
  csrfToken = token;
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const res = await fetch(path, { method, headers, body: body === undefined ? null : JSON.stringify(body), credentials: 'same-origin' });
  if (res.status === 204) return undefined as T;
  const data: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    const err = (data as { error?: { code?: string; message?: string } } | undefined)?.error;
    throw new ApiError(res.status, err?.code ?? 'http-' + res.status, err?.message ?? res.statusText);
  }
  return data as T;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

/** GET that answers `undefined` for 404, for pages that show "not yet" when a resource does not exist. */
export async function getOptional<T>(path: string): Promise<T | undefined> {
  try {
    return await api.get<T>(path);
  } catch (e) {
    if (e instanceof ApiError && (e.status === 404 || e.status === 403)) return undefined;
    throw e;
  }
}

export async function fetchSession(): Promise<Session> {
  const s = await api.get<Session>('/api/auth/session');
  rememberCsrf(s.csrfToken);
  return s;
}

export async function login(name: string, password: string): Promise<Session> {
  const s = await api.post<Session>('/api/auth/login', { name, password });
  rememberCsrf(s.csrfToken);
  return s;
}

export async function logout(): Promise<void> {
  await api.post('/api/auth/logout');
  await fetchSession();
}
