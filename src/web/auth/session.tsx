import { useQueryClient } from '@tanstack/react-query';
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { Permission, SessionResponse, SessionUser } from '../../contracts/auth';
import { ApiError, onSessionLost, setCsrfToken } from '../lib/http';
import { fetchSetupStatus } from '../setup/api';
import { setLanguage } from '../ui/i18n';
import { fetchSession, logOut } from './api';

interface SessionState {
  /** undefined while loading, null when logged out. */
  user: SessionUser | null | undefined;
  setupNeeded: boolean | undefined;
  /** Why the last session ended, for a message on the login page. */
  lostReason: 'session_expired' | null;
  signedIn(session: SessionResponse): void;
  updateUser(user: SessionUser): void;
  logout(): Promise<void>;
  refresh(): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SessionUser | null | undefined>(undefined);
  const [setupNeeded, setSetupNeeded] = useState<boolean | undefined>(undefined);
  const [lostReason, setLostReason] = useState<'session_expired' | null>(null);
  const queryClient = useQueryClient();
  const userRef = useRef<SessionUser | null | undefined>(undefined);
  userRef.current = user;

  const adopt = useCallback((next: SessionUser) => {
    setUser(next);
    setLanguage(next.language);
  }, []);

  const refresh = useCallback(async () => {
    const setup = await fetchSetupStatus().catch(() => ({ needed: false }));
    setSetupNeeded(setup.needed);
    if (setup.needed) {
      setUser(null);
      return;
    }
    try {
      const session = await fetchSession();
      setCsrfToken(session.csrfToken);
      adopt(session.user);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) setUser(null);
      else throw error;
    }
  }, [adopt]);

  useEffect(() => {
    void refresh().catch(() => setUser(null));
  }, [refresh]);

  useEffect(
    () =>
      onSessionLost((error) => {
        // Only a session that existed can be lost: the probe before login (and public pages such
        // as an invitation link) answer 401 too, and must not wipe the queries of the page.
        if (!userRef.current) return;
        setCsrfToken(null);
        if (error.code === 'session_expired') setLostReason('session_expired');
        setUser(null);
        queryClient.clear();
      }),
    [queryClient],
  );

  const value = useMemo<SessionState>(
    () => ({
      user,
      setupNeeded,
      lostReason,
      signedIn(session) {
        setCsrfToken(session.csrfToken);
        setSetupNeeded(false);
        setLostReason(null);
        adopt(session.user);
      },
      updateUser: adopt,
      async logout() {
        await logOut().catch(() => undefined);
        // What this tab kept for the user (live mode's unsent case notes) leaves with them.
        sessionStorage.clear();
        setCsrfToken(null);
        setUser(null);
        queryClient.clear();
      },
      refresh,
    }),
    [user, setupNeeded, lostReason, adopt, refresh, queryClient],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}

/** The logged-in user inside protected pages. */
export function useUser(): SessionUser {
  const { user } = useSession();
  if (!user) throw new Error('useUser without a logged-in user');
  return user;
}

/** Whether the user may do this; the server decides again on every request. */
export function useCan(permission: Permission): boolean {
  const { user } = useSession();
  return Boolean(user?.permissions.includes(permission));
}
