/** The signed-in session: the token (kept across reloads), sign-in, sign-out and why the user was signed out. */

import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import type { Client as WsClient } from "graphql-ws";
import type { ConnectionStore } from "../graphql/connection";
import { Provider as UrqlProvider } from "urql";
import { createHeraldClient, sameOriginWsUrl } from "../graphql/client";
import { SESSION_ENDED } from "../graphql/authFailure";
import { browserStorage, storedValue, TOKEN_KEY } from "./token";

interface Auth {
  token: string | null;
  /** Why the user is on the log-in page (session expired, logged out), if they were sent there. */
  notice: string | null;
  signIn(token: string): void;
  signOut(notice?: string): void;
}

const AuthContext = createContext<Auth | null>(null);
const LiveContext = createContext<{ ws: WsClient; connection: ConnectionStore } | null>(null);

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error("useAuth outside <AuthProvider>");
  return auth;
}

/**
 * The session's graphql-ws client, for a subscription that must choose its own variables when it
 * reconnects (`postStatusChanged`'s `since`), which urql's exchange cannot do; and whether it is connected.
 */
export function useSubscriptionClient(): { ws: WsClient; connection: ConnectionStore } {
  const live = useContext(LiveContext);
  if (!live) throw new Error("useSubscriptionClient outside <AuthProvider>");
  return live;
}

const tokenStorage = storedValue(browserStorage(), TOKEN_KEY);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [token, setToken] = useState<string | null>(() => tokenStorage.get());
  const [notice, setNotice] = useState<string | null>(null);

  const signIn = useCallback((next: string) => {
    tokenStorage.set(next);
    setNotice(null);
    setToken(next);
  }, []);
  const signOut = useCallback((why?: string) => {
    tokenStorage.clear();
    setNotice(why ?? null);
    setToken(null);
  }, []);

  // A new client for each session: nothing cached for one user is shown to the next.
  const herald = useMemo(
    () =>
      createHeraldClient({
        url: "/graphql",
        wsUrl: sameOriginWsUrl("/graphql", window.location),
        getToken: () => token,
        // Only while this session is the one signed in: after a log-out, the server's closing of the socket
        // (4403) must not turn "You have logged out" into "Your session has expired"
        onAuthFailure: () => {
          if (tokenStorage.get() === token) signOut(SESSION_ENDED);
        },
      }),
    [token, signOut],
  );
  useEffect(() => () => herald.dispose(), [herald]);

  // Another tab logged in or out: follow it.
  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      if (event.key === TOKEN_KEY) setToken(event.newValue);
    };
    window.addEventListener("storage", onStorage);
    return () => window.removeEventListener("storage", onStorage);
  }, []);

  const auth = useMemo(() => ({ token, notice, signIn, signOut }), [token, notice, signIn, signOut]);
  return (
    <AuthContext.Provider value={auth}>
      <LiveContext.Provider value={herald}>
        <UrqlProvider value={herald.client}>{children}</UrqlProvider>
      </LiveContext.Provider>
    </AuthContext.Provider>
  );
}
