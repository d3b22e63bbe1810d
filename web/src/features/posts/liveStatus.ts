/**
 * Live post status from `postStatusChanged`: each event carries the post as it is now. The newest event per
 * post wins (an event id is "<ms>-<seq>" and they order that way), so a duplicate — the same event again after
 * a reconnect's `since` replay — or one that arrives after a newer one changes nothing. `since` is the newest
 * event id seen at all: what a reconnect asks to be replayed after.
 */

export interface LivePost<P> {
  readonly eventId: string;
  readonly post: P;
}

export interface LiveState<P> {
  /** The newest event seen: pass as `since` when subscribing again. */
  readonly since: string | null;
  readonly posts: Readonly<Record<string, LivePost<P>>>;
  /** Posts first heard of live (written since the list was loaded), newest first. */
  readonly arrivals: readonly string[];
}

export interface StatusEvent<P> {
  readonly eventId: string;
  readonly postId: string;
  readonly post: P;
}

export function emptyLiveState<P>(): LiveState<P> {
  return { since: null, posts: {}, arrivals: [] };
}

function eventKey(eventId: string): [number, number] {
  const [ms = "0", seq = "0"] = eventId.split("-");
  return [Number(ms), Number(seq)];
}

/** Negative when `a` came before `b`, 0 for the same event, positive after. */
export function compareEventIds(a: string, b: string): number {
  const [aMs, aSeq] = eventKey(a);
  const [bMs, bSeq] = eventKey(b);
  return aMs - bMs || aSeq - bSeq;
}

/**
 * The state after `event`. `known(postId)` says whether the list already shows that post; one it does not is
 * an arrival, shown above the list.
 */
export function applyEvent<P>(state: LiveState<P>, event: StatusEvent<P>, known: (postId: string) => boolean): LiveState<P> {
  const since = state.since === null || compareEventIds(event.eventId, state.since) > 0 ? event.eventId : state.since;
  const current = state.posts[event.postId];
  if (current && compareEventIds(event.eventId, current.eventId) <= 0) {
    return since === state.since ? state : { ...state, since };
  }
  const arrival = !current && !known(event.postId) && !state.arrivals.includes(event.postId);
  return {
    since,
    posts: { ...state.posts, [event.postId]: { eventId: event.eventId, post: event.post } },
    arrivals: arrival ? [event.postId, ...state.arrivals] : state.arrivals,
  };
}

/** The list as it is live: each post in its newest state, arrivals first, removed ones left out. */
export function livePosts<P extends { id: string }>(
  listed: readonly P[],
  state: LiveState<P>,
  removed: ReadonlySet<string>,
  matches: (post: P) => boolean,
): P[] {
  const listedIds = new Set(listed.map((p) => p.id));
  const arrivals = state.arrivals
    .filter((id) => !listedIds.has(id))
    .flatMap((id) => {
      const live = state.posts[id];
      return live ? [live.post] : [];
    });
  return [...arrivals, ...listed.map((p) => state.posts[p.id]?.post ?? p)].filter(
    (p) => !removed.has(p.id) && matches(p),
  );
}
