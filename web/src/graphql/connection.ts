/**
 * Whether the websocket is up, in words the console shows ("Live", "Reconnecting…"). Kept for the client's
 * whole life, from before its first connection: a page that subscribes while the socket is already open gets
 * no new `connected` event, so it must be able to ask.
 */

import type { Client as WsClient } from "graphql-ws";

export type Connection = "connecting" | "live" | "reconnecting";

export interface ConnectionStore {
  get(): Connection;
  subscribe(listener: () => void): () => void;
}

export function connectionStore(ws: Pick<WsClient, "on">): ConnectionStore {
  let state: Connection = "connecting";
  let wasLive = false;
  const listeners = new Set<() => void>();
  const set = (next: Connection) => {
    if (next === state) return;
    state = next;
    for (const listener of listeners) listener();
  };
  ws.on("connecting", () => set(wasLive ? "reconnecting" : "connecting"));
  ws.on("connected", () => {
    wasLive = true;
    set("live");
  });
  ws.on("closed", () => set(wasLive ? "reconnecting" : "connecting"));
  return {
    get: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
