/** First-run setup and accounts (`/api/setup`, `/api/users`): the shapes the server answers with. */
import { api, rememberCsrf, type SessionUser } from './client.ts';

export const fetchSetupNeeded = () => api.get<{ needed: boolean }>('/api/setup');

/** Creates the first (Commission) account with the one-time token, and keeps the new session's CSRF token. */
export async function claimSetup(input: { token: string; name: string; password: string }): Promise<SessionUser> {
  const r = await api.post<{ user: SessionUser; csrfToken: string }>('/api/setup', input);
  rememberCsrf(r.csrfToken);
  return r.user;
}

export const fetchAccounts = () => api.get<{ users: SessionUser[] }>('/api/users');
export const createAccount = (input: { name: string; role: string; password: string }) => api.post<SessionUser>('/api/users', input);
