import { describe, expect, it } from "vitest";
import { applyEvent, compareEventIds, emptyLiveState, type LiveState, livePosts, type StatusEvent } from "./liveStatus";

interface P {
  id: string;
  status: string;
}

const event = (eventId: string, id: string, status: string): StatusEvent<P> => ({
  eventId,
  postId: id,
  post: { id, status },
});

const listed: P[] = [
  { id: "b", status: "SCHEDULED" },
  { id: "a", status: "SCHEDULED" },
];
const known = (id: string) => listed.some((p) => p.id === id);

function run(events: StatusEvent<P>[], start: LiveState<P> = emptyLiveState()): LiveState<P> {
  return events.reduce((state, e) => applyEvent(state, e, known), start);
}

const all = () => true;

describe("event ids", () => {
  it("order by time, then by sequence, as numbers", () => {
    expect(compareEventIds("1700000000000-2", "1700000000000-10")).toBeLessThan(0);
    expect(compareEventIds("1700000000001-0", "1700000000000-99")).toBeGreaterThan(0);
    expect(compareEventIds("999-0", "1000-0")).toBeLessThan(0);
    expect(compareEventIds("5-1", "5-1")).toBe(0);
  });
});

describe("the replay reducer", () => {
  it("shows each post in its newest state", () => {
    const state = run([event("1-0", "a", "QUEUED"), event("2-0", "a", "PUBLISHING"), event("3-0", "a", "PUBLISHED")]);
    expect(livePosts(listed, state, new Set(), all)).toEqual([
      { id: "b", status: "SCHEDULED" },
      { id: "a", status: "PUBLISHED" },
    ]);
    expect(state.since).toBe("3-0");
  });

  it("ignores a duplicate event", () => {
    const once = run([event("1-0", "a", "QUEUED"), event("2-0", "a", "PUBLISHED")]);
    const twice = applyEvent(once, event("2-0", "a", "PUBLISHED"), known);
    expect(twice).toBe(once);
  });

  it("keeps the newer state when an older event arrives after it", () => {
    const state = run([event("1-0", "a", "QUEUED"), event("3-0", "a", "PUBLISHED"), event("2-0", "a", "PUBLISHING")]);
    expect(state.posts.a?.post.status).toBe("PUBLISHED");
    expect(state.since).toBe("3-0");
  });

  it("lets an old event of one post still update another", () => {
    const state = run([event("5-0", "a", "PUBLISHED"), event("4-0", "b", "QUEUED")]);
    expect(state.posts.b?.post.status).toBe("QUEUED");
    expect(state.since).toBe("5-0");
  });

  it("after a reconnect, replays from `since` without doubling what was already seen", () => {
    const beforeSleep = run([event("1-0", "a", "QUEUED")]);
    expect(beforeSleep.since).toBe("1-0");
    // The server replays everything after `since`; the connection may also repeat the last event
    const replayed = run([event("1-0", "a", "QUEUED"), event("2-0", "a", "PUBLISHING"), event("2-1", "b", "QUEUED"), event("3-0", "a", "FAILED")], beforeSleep);
    expect(livePosts(listed, replayed, new Set(), all).map((p) => `${p.id}:${p.status}`)).toEqual(["b:QUEUED", "a:FAILED"]);
    expect(replayed.since).toBe("3-0");
  });

  it("puts a post written elsewhere above the list, once", () => {
    const state = run([event("1-0", "c", "QUEUED"), event("2-0", "c", "PUBLISHED"), event("3-0", "d", "SCHEDULED")]);
    expect(state.arrivals).toEqual(["d", "c"]);
    expect(livePosts(listed, state, new Set(), all).map((p) => p.id)).toEqual(["d", "c", "b", "a"]);
  });

  it("leaves out removed posts and those that no longer match the filter", () => {
    const state = run([event("1-0", "a", "PUBLISHED")]);
    const scheduled = (p: P) => p.status === "SCHEDULED";
    expect(livePosts(listed, state, new Set(), scheduled).map((p) => p.id)).toEqual(["b"]);
    expect(livePosts(listed, state, new Set(["b"]), all).map((p) => p.id)).toEqual(["a"]);
  });
});
