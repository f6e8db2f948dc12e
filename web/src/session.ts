/** The signed-in user, shared by every component (null for the public). */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { SessionUser } from './api/client.ts';

export interface SessionState {
  user: SessionUser | null;
  setUser: (u: SessionUser | null) => void;
}

export const SessionContext = createContext<SessionState>({ user: null, setUser: () => undefined });

export const useSession = (): SessionState => useContext(SessionContext);

/** `member-state:IT` → `IT`. */
export function memberStateOf(role: string | undefined): string | undefined {
  return role?.startsWith('member-state:') ? role.slice('member-state:'.length) : undefined;
}
