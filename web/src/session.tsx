import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, setCsrfToken, type Session } from './api';

const SessionContext = createContext<Session | null>(null);

/** Loads who is using the app once and hands it to every page; the CSRF token goes with each write. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(null);
  useEffect(() => {
    api.session().then(
      (s) => {
        setCsrfToken(s.csrfToken);
        setSession(s);
      },
      // Without an answer the app acts as for the public: controls stay hidden, the server decides anyway.
      () => setSession({ name: null, role: 'public', singleUser: false, csrfToken: null }),
    );
  }, []);
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

/** Who is using the app; null while it is being asked. */
export function useSession(): Session | null {
  return useContext(SessionContext);
}

/** True when the user may set sensitivity (editors and admins; the local user in single-user mode). */
export function canMark(session: Session | null): boolean {
  return session?.role === 'editor' || session?.role === 'admin';
}
