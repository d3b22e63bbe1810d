import { describe, expect, it } from "vitest";
import { applyEvent, compareEventIds, emptyLiveState, type LiveState, livePosts, type StatusEvent } from "./liveStatus";

interface T {
  id: string;
  status: string;
}
interface P {
  id: string;
  status: string;
  targets: T[];
}

/** An event for post `id` (one target, `${id}1`), as the server sends it: the post and the changed target. */
const event = (eventId: string, id: string, status: string, targetStatus = status): StatusEvent<P, T> => ({
  eventId,
  post: { id, status, targets: [{ id: `${id}1`, status: targetStatus }] },
  target: { id: `${id}1`, status: targetStatus },
});

const listed: P[] = [
  { id: "b", status: "SCHEDULED", targets: [{ id: "b1", status: "SCHEDULED" }] },
  { id: "a", status: "SCHEDULED", targets: [{ id: "a1", status: "SCHEDULED" }] },
];
const known = (id: string) => listed.some((p) => p.id === id);

function run(events: StatusEvent<P, T>[], start: LiveState<P, T> = emptyLiveState()): LiveState<P, T> {
  return events.reduce((state, e) => applyEvent(state, e, known), start);
}

const all = () => true;
const statuses = (state: LiveState<P, T>, matches: (p: P) => boolean = all, removed = new Set<string>()) =>
  livePosts(listed, state, removed, matches).map((p) => `${p.id}:${p.status}/${p.targets.map((t) => t.status).join()}`);

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
    const state = run([event("1-0", "a", "SCHEDULED", "QUEUED"), event("2-0", "a", "PUBLISHING"), event("3-0", "a", "PUBLISHED")]);
    expect(statuses(state)).toEqual(["b:SCHEDULED/SCHEDULED", "a:PUBLISHED/PUBLISHED"]);
    expect(state.since).toBe("3-0");
  });

  it("ignores a duplicate event", () => {
    const once = run([event("1-0", "a", "QUEUED"), event("2-0", "a", "PUBLISHED")]);
    expect(applyEvent(once, event("2-0", "a", "PUBLISHED"), known)).toBe(once);
  });

  it("keeps the newer state when an older event arrives after it", () => {
    const state = run([event("1-0", "a", "QUEUED"), event("3-0", "a", "PUBLISHED"), event("2-0", "a", "PUBLISHING")]);
    expect(statuses(state)).toContain("a:PUBLISHED/PUBLISHED");
    expect(state.since).toBe("3-0");
  });

  it("lets an old event of one post still update another", () => {
    const state = run([event("5-0", "a", "PUBLISHED"), event("4-0", "b", "QUEUED")]);
    expect(statuses(state)).toEqual(["b:QUEUED/QUEUED", "a:PUBLISHED/PUBLISHED"]);
    expect(state.since).toBe("5-0");
  });

  it("after a reconnect, replays from `since` without doubling what was already seen", () => {
    const beforeSleep = run([event("1-0", "a", "QUEUED")]);
    expect(beforeSleep.since).toBe("1-0");
    // The server replays everything after `since`; the connection may also repeat the last event
    const replayed = run(
      [event("1-0", "a", "QUEUED"), event("2-0", "a", "PUBLISHING"), event("2-1", "b", "QUEUED"), event("3-0", "a", "FAILED")],
      beforeSleep,
    );
    expect(statuses(replayed)).toEqual(["b:QUEUED/QUEUED", "a:FAILED/FAILED"]);
    expect(replayed.since).toBe("3-0");
  });

  it("takes a target's state from the event's target, not from the post's stale list of targets", () => {
    const stale: StatusEvent<P, T> = {
      eventId: "2-0",
      post: { id: "a", status: "PUBLISHED", targets: [{ id: "a1", status: "PUBLISHING" }] },
      target: { id: "a1", status: "PUBLISHED" },
    };
    expect(statuses(run([event("1-0", "a", "PUBLISHING"), stale]))).toContain("a:PUBLISHED/PUBLISHED");
  });

  it("puts a post written elsewhere above the list, once", () => {
    const state = run([event("1-0", "c", "QUEUED"), event("2-0", "c", "PUBLISHED"), event("3-0", "d", "SCHEDULED")]);
    expect(state.arrivals).toEqual(["d", "c"]);
    expect(livePosts(listed, state, new Set(), all).map((p) => p.id)).toEqual(["d", "c", "b", "a"]);
  });

  it("leaves out removed posts and those that no longer match the filter", () => {
    const state = run([event("1-0", "a", "PUBLISHED")]);
    expect(statuses(state, (p) => p.status === "SCHEDULED")).toEqual(["b:SCHEDULED/SCHEDULED"]);
    expect(statuses(state, all, new Set(["b"]))).toEqual(["a:PUBLISHED/PUBLISHED"]);
  });
});
