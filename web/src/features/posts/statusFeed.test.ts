// The status feed against a real graphql-transport-ws server speaking Herald's schema: the socket drops
// between two events, graphql-ws reconnects, and the feed asks for what came after the last event it saw.
import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { buildSchema, execute, GraphQLError, subscribe, validate } from "graphql";
import { useServer as serveGraphqlWs } from "graphql-ws/use/ws";
import { afterEach, describe, expect, it } from "vitest";
import WebSocket, { WebSocketServer } from "ws";
import { createSubscriptionClient } from "../../graphql/client";
import { openStatusFeed, type StatusChange } from "./statusFeed";

const schema = buildSchema(readFileSync(new URL("../../../../schema.graphql", import.meta.url), "utf8"));
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function change(eventId: string, status: string) {
  const target = {
    id: "T1",
    platform: "BLUESKY",
    status,
    publishedAt: null,
    deletedAt: null,
    externalUrl: null,
    attempts: 0,
    lastError: null,
    account: { id: "A1", handle: "ada.test", displayName: null },
  };
  return {
    postStatusChanged: {
      eventId,
      post: { id: "P1", text: "hello", status: "SCHEDULED", scheduledAt: null, createdAt: "2026-01-01T00:00:00Z", targets: [target] },
      target,
    },
  };
}

/**
 * A server whose `postStatusChanged` calls `script(since, drop)` for each subscription: what it yields is
 * sent; `drop()` cuts every socket as a sleeping laptop would.
 */
async function serve(script: (since: string | null, drop: () => void) => AsyncGenerator<object>): Promise<string> {
  const server = new WebSocketServer({ port: 0, host: "127.0.0.1" });
  await new Promise<void>((done) => server.once("listening", () => done()));
  const drop = () => server.clients.forEach((socket) => socket.terminate());
  const disposable = serveGraphqlWs(
    {
      schema,
      // this module's graphql, not the copy graphql-ws would load: one realm for the schema
      execute,
      subscribe,
      validate,
      roots: { subscription: { postStatusChanged: ({ since }: { since: string | null }) => script(since, drop) } },
    },
    server,
  );
  cleanups.push(() => new Promise<void>((done) => server.close(() => done())), () => disposable.dispose());
  return `ws://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}

function feedOn(wsUrl: string) {
  const ws = createSubscriptionClient({ url: "", wsUrl, getToken: () => "t", onAuthFailure: () => {}, webSocketImpl: WebSocket });
  const seen: StatusChange[] = [];
  let startedOver = 0;
  const feed = openStatusFeed(ws, "W1", {
    onChange: (c) => seen.push(c),
    onStartOver: () => startedOver++,
    onWaiting: () => {},
  });
  cleanups.push(() => ws.dispose(), () => feed.close());
  return { feed, seen, startedOver: () => startedOver };
}

async function until(condition: () => boolean, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("the status feed", () => {
  it("after the socket drops, resubscribes with `since` at the last event and gets what it missed", async () => {
    const asked: (string | null)[] = [];
    const url = await serve(async function* (since, drop) {
      asked.push(since);
      if (since === null) {
        yield change("100-0", "QUEUED");
        await new Promise((r) => setTimeout(r, 50));
        drop();
        await new Promise(() => {}); // the socket is gone: nothing more from this one
      }
      yield change("101-0", "PUBLISHING"); // replayed: it happened while the socket was down
      yield change("102-0", "PUBLISHED");
    });
    const { feed, seen } = feedOn(url);
    await until(() => seen.length === 3);
    expect(asked).toEqual([null, "100-0"]);
    expect(seen.map((c) => `${c.eventId} ${c.target?.status}`)).toEqual(["100-0 QUEUED", "101-0 PUBLISHING", "102-0 PUBLISHED"]);
    expect(feed.since()).toBe("102-0");
  }, 20_000);

  it("starts over from now when the events missed are no longer kept", async () => {
    const asked: (string | null)[] = [];
    const url = await serve(async function* (since, drop) {
      asked.push(since);
      if (asked.length === 1) {
        yield change("100-0", "QUEUED");
        await new Promise((r) => setTimeout(r, 50));
        drop();
        await new Promise(() => {});
      }
      if (since !== null) throw new GraphQLError("Events after this id are no longer kept", { extensions: { code: "EVENTS_TOO_OLD" } });
      yield change("200-0", "PUBLISHED");
    });
    const { feed, seen, startedOver } = feedOn(url);
    await until(() => seen.length === 2);
    expect(asked).toEqual([null, "100-0", null]);
    expect(startedOver()).toBe(1);
    expect(feed.since()).toBe("200-0");
  }, 20_000);
});
