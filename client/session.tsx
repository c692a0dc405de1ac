import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../common/schemas/accounts.js';
import type { RoleName } from '../common/schemas/regions.js';
import { isAccountLocale, type Locale } from '../common/i18n/index.js';
import { api, connectSession, forgetInitialData, initialData } from './api';
import { applyLocale, currentLocale } from './i18n';

export type SessionUser = NonNullable<SessionInfo['user']>;

interface SessionContextValue {
  user: SessionUser | null;
  csrfToken: string | null;
  /** Re-reads the session from the server (after changes made elsewhere). */
  refresh: () => Promise<void>;
  login: (email: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
  /** Adopts a session answer the server gave to another call (profile update, accepted invitation). */
  apply: (info: SessionInfo) => void;
  /** Switches the language; for a logged-in user Dutch or English is also stored in the account. */
  changeLocale: (locale: Locale) => Promise<void>;
  roleIn: (regionSlug: string | undefined) => RoleName | null;
}

const SessionContext = createContext<SessionContextValue | null>(null);

const anonymous: SessionInfo = { user: null, csrfToken: null };
const SESSION_URL = '/api/auth/session';

export function SessionProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  // The server embeds the session in the first page's HTML, which saves a round trip before anything shows.
  const [embedded] = useState(() => initialData(SESSION_URL) as SessionInfo | undefined);
  const [info, setInfo] = useState<SessionInfo | null>(embedded ?? null);
  // The API client reads the token synchronously, also between renders.
  const infoRef = useRef<SessionInfo>(embedded ?? anonymous);

  const apply = useCallback((next: SessionInfo) => {
    infoRef.current = next;
    setInfo(next);
    // The account's language is the user's standing choice; it also decides the server's messages. A
    // public-only language (French, Arabic, Ukrainian) chosen on this device is kept: accounts store nl/en.
    const current = currentLocale();
    if (next.user && next.user.locale !== current && isAccountLocale(current)) void applyLocale(next.user.locale);
  }, []);

  const refresh = useCallback(async () => {
    apply(await api.GET('/api/auth/session'));
  }, [apply]);

  useEffect(() => {
    connectSession({
      csrfToken: () => infoRef.current.csrfToken,
      recoverCsrf: async () => {
        const fresh = await api.GET('/api/auth/session');
        apply(fresh);
        return fresh.csrfToken;
      },
      onUnauthenticated: () => {
        if (infoRef.current.user) void refresh().catch(() => apply(anonymous));
      },
    });
    // apply() also switches to the account's language; without an embedded session, ask the server.
    if (embedded) {
      forgetInitialData(SESSION_URL);
      apply(embedded);
    }
    else refresh().catch(() => apply(anonymous));
  }, [apply, refresh, embedded]);

  const login = useCallback(
    async (email: string, password: string) => {
      apply(await api.POST('/api/auth/login', { body: { email, password } }));
    },
    [apply],
  );

  const logout = useCallback(async () => {
    await api.POST('/api/auth/logout');
    apply(anonymous);
  }, [apply]);

  const changeLocale = useCallback(
    async (locale: Locale) => {
      await applyLocale(locale);
      const user = infoRef.current.user;
      if (user && user.locale !== locale && isAccountLocale(locale)) {
        apply(await api.PATCH('/api/account', { body: { name: user.name, locale } }));
      }
    },
    [apply],
  );

  const value = useMemo<SessionContextValue | null>(() => {
    if (!info) return null;
    return {
      user: info.user,
      csrfToken: info.csrfToken,
      refresh,
      login,
      logout,
      apply,
      changeLocale,
      roleIn: (regionSlug) => info.user?.memberships.find((membership) => membership.regionSlug === regionSlug)?.role ?? null,
    };
  }, [info, refresh, login, logout, apply, changeLocale]);

  if (!value) {
    return (
      <p className="boot-status" role="status">
        {t('app.loading')}
      </p>
    );
  }
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}
