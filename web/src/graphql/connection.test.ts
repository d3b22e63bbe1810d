import { describe, expect, it } from "vitest";
import { connectionStore } from "./connection";

/** A websocket client's event emitter, as graphql-ws has one. */
function emitter() {
  const listeners: Record<string, (() => void)[]> = {};
  return {
    on(event: string, listener: () => void) {
      (listeners[event] ??= []).push(listener);
      return () => {};
    },
    emit(event: string) {
      for (const l of listeners[event] ?? []) l();
    },
  };
}

describe("the connection store", () => {
  it("says connecting, live, then reconnecting after a drop, and tells its listeners", () => {
    const ws = emitter();
    const store = connectionStore(ws as never);
    const seen: string[] = [];
    store.subscribe(() => seen.push(store.get()));
    expect(store.get()).toBe("connecting");
    ws.emit("connecting");
    ws.emit("connected");
    ws.emit("closed");
    ws.emit("connecting");
    ws.emit("connected");
    expect(seen).toEqual(["live", "reconnecting", "live"]);
  });
});
