/** The urql client: queries and mutations over HTTP, subscriptions over graphql-transport-ws. */

import { Client, cacheExchange, fetchExchange, subscriptionExchange } from "@urql/core";
import { createClient as createWsClient, type Client as WsClient } from "graphql-ws";
import { authenticatedFetch, isAuthFailureClose } from "./authFailure";
import { type ConnectionStore, connectionStore } from "./connection";

export interface HeraldClientOptions {
  /** The GraphQL endpoint over HTTP, e.g. `/graphql` or `http://127.0.0.1:8000/graphql`. */
  url: string;
  /** The same endpoint as `ws://` or `wss://`. */
  wsUrl: string;
  getToken: () => string | null;
  /** The token was refused (HTTP 401 or websocket close 4403): sign out and ask to log in again. */
  onAuthFailure: () => void;
  fetchImpl?: typeof fetch;
  /** A WebSocket implementation where there is no global one (Node). */
  webSocketImpl?: unknown;
}

export interface HeraldClient {
  client: Client;
  ws: WsClient;
  /** Whether the websocket is up, from its first connection on. */
  connection: ConnectionStore;
  dispose(): void;
}

/** A websocket client that authenticates in `connection_init` and never retries a refused token. */
export function createSubscriptionClient(options: HeraldClientOptions): WsClient {
  return createWsClient({
    url: options.wsUrl,
    lazy: true,
    webSocketImpl: options.webSocketImpl,
    connectionParams: () => {
      const token = options.getToken();
      return token ? { authorization: `Bearer ${token}` } : {};
    },
    retryAttempts: 8,
    shouldRetry: (event) => !isAuthFailureClose(event),
    on: {
      closed: (event) => {
        if (isAuthFailureClose(event)) options.onAuthFailure();
      },
    },
  });
}

export function createHeraldClient(options: HeraldClientOptions): HeraldClient {
  const ws = createSubscriptionClient(options);
  const connection = connectionStore(ws);
  const client = new Client({
    url: options.url,
    fetch: authenticatedFetch(options.fetchImpl ?? globalThis.fetch.bind(globalThis), options.getToken, options.onAuthFailure),
    requestPolicy: "cache-and-network",
    // oauthStart's answer sets the cookie that binds a consent to this browser: keep it (the default, said)
    fetchOptions: { credentials: "same-origin" },
    exchanges: [
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const query = request.query ?? "";
          return {
            subscribe: (sink) => ({ unsubscribe: ws.subscribe({ ...request, query }, sink) }),
          };
        },
      }),
    ],
  });
  return { client, ws, connection, dispose: () => void ws.dispose() };
}

/** `/graphql` on this page's origin, as ws:// or wss://. */
export function sameOriginWsUrl(path: string, location: Pick<Location, "protocol" | "host">): string {
  return `${location.protocol === "https:" ? "wss:" : "ws:"}//${location.host}${path}`;
}
