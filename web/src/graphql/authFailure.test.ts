import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import WebSocket, { WebSocketServer } from "ws";
import { authenticatedFetch, isAuthFailureClose } from "./authFailure";
import { createHeraldClient, createSubscriptionClient, sameOriginWsUrl } from "./client";

const servers: { close(cb: () => void): void }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise<void>((done) => s.close(() => done()))));
});

async function listen(server: Server | WebSocketServer): Promise<number> {
  servers.push(server);
  if (server instanceof WebSocketServer) {
    await new Promise<void>((done) => server.once("listening", () => done()));
    return (server.address() as AddressInfo).port;
  }
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", () => done()));
  return (server.address() as AddressInfo).port;
}

/** An HTTP server answering `status`, recording each request's Authorization header. */
async function httpServer(status: number, seen: (string | undefined)[]): Promise<string> {
  const server = createServer((req, res) => {
    seen.push(req.headers.authorization);
    res.writeHead(status, { "content-type": "application/json" }).end('{"data":null}');
  });
  return `http://127.0.0.1:${await listen(server)}/graphql`;
}

describe("authenticatedFetch", () => {
  it("sends the bearer token and reports a 401", async () => {
    const seen: (string | undefined)[] = [];
    const url = await httpServer(401, seen);
    let failures = 0;
    const response = await authenticatedFetch(fetch, () => "tok-1", () => failures++)(url, { method: "POST" });
    expect(response.status).toBe(401);
    expect(seen).toEqual(["Bearer tok-1"]);
    expect(failures).toBe(1);
  });

  it("reports nothing on success or when no token was sent", async () => {
    const seen: (string | undefined)[] = [];
    let failures = 0;
    await authenticatedFetch(fetch, () => "tok-2", () => failures++)(await httpServer(200, seen));
    await authenticatedFetch(fetch, () => null, () => failures++)(await httpServer(401, seen));
    expect(seen).toEqual(["Bearer tok-2", undefined]);
    expect(failures).toBe(0);
  });
});

describe("subscriptions", () => {
  it("a socket closed with 4403 signs out once and is not retried", async () => {
    const inits: unknown[] = [];
    const wss = new WebSocketServer({ port: 0, host: "127.0.0.1", handleProtocols: () => "graphql-transport-ws" });
    wss.on("connection", (socket) => {
      socket.on("message", (data) => {
        inits.push(JSON.parse(String(data)));
        socket.close(4403, "Forbidden");
      });
    });
    const port = await listen(wss);
    let failures = 0;
    const ws = createSubscriptionClient({
      url: "unused",
      wsUrl: `ws://127.0.0.1:${port}/graphql`,
      getToken: () => "revoked",
      onAuthFailure: () => failures++,
      webSocketImpl: WebSocket,
    });
    const outcome = await new Promise<unknown>((resolve) => {
      ws.subscribe({ query: "subscription { x }" }, { next: () => {}, error: resolve, complete: () => resolve("complete") });
    });
    await ws.dispose();
    expect(isAuthFailureClose(outcome)).toBe(true);
    expect(failures).toBe(1);
    expect(inits).toEqual([{ type: "connection_init", payload: { authorization: "Bearer revoked" } }]);
  });

  it("a socket closed for another reason is not a sign-out", () => {
    expect(isAuthFailureClose({ code: 1006 })).toBe(false);
    expect(isAuthFailureClose({ code: 4403 })).toBe(true);
    expect(isAuthFailureClose(null)).toBe(false);
  });
});

describe("the urql client", () => {
  it("sends the token on queries and signs out on a 401", async () => {
    const seen: (string | undefined)[] = [];
    const url = await httpServer(401, seen);
    let failures = 0;
    const herald = createHeraldClient({
      url,
      wsUrl: "ws://127.0.0.1:9/graphql",
      getToken: () => "expired",
      onAuthFailure: () => failures++,
      webSocketImpl: WebSocket,
    });
    await herald.client.query("{ me { id } }", {}).toPromise();
    herald.dispose();
    expect(seen).toEqual(["Bearer expired"]);
    expect(failures).toBe(1);
  });

  it("derives the websocket address from the page's", () => {
    expect(sameOriginWsUrl("/graphql", { protocol: "https:", host: "herald.example" })).toBe(
      "wss://herald.example/graphql",
    );
    expect(sameOriginWsUrl("/graphql", { protocol: "http:", host: "127.0.0.1:8000" })).toBe(
      "ws://127.0.0.1:8000/graphql",
    );
  });
});
