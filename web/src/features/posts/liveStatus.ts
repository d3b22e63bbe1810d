/**
 * Live post status from `postStatusChanged`: each event carries the post and the target that changed, as they
 * are now. The newest event per post and per target wins (an event id is "<ms>-<seq>" and they order that
 * way), so a duplicate — the same event again after a reconnect's `since` replay — or one that arrives after
 * a newer one changes nothing. `since` is the newest event id seen at all: what a reconnect asks to be
 * replayed after.
 *
 * The event's own `target` is what says a target's state: the server reads the post's `targets` through the
 * websocket's DataLoader, which keeps the first state it read for as long as the connection lives.
 */

export interface Identified {
  readonly id: string;
}

export interface PostLike<T extends Identified> extends Identified {
  readonly targets: readonly T[];
}

interface Newest<V> {
  readonly eventId: string;
  readonly value: V;
}

export interface LiveState<P, T> {
  /** The newest event seen: pass as `since` when subscribing again. */
  readonly since: string | null;
  readonly posts: Readonly<Record<string, Newest<P>>>;
  readonly targets: Readonly<Record<string, Newest<T>>>;
  /** Posts first heard of live (written since the list was loaded), newest first. */
  readonly arrivals: readonly string[];
}

export interface StatusEvent<P, T> {
  readonly eventId: string;
  readonly post: P;
  readonly target: T | null;
}

export function emptyLiveState<P, T>(): LiveState<P, T> {
  return { since: null, posts: {}, targets: {}, arrivals: [] };
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

function newer<V>(current: Newest<V> | undefined, eventId: string): boolean {
  return !current || compareEventIds(eventId, current.eventId) > 0;
}

/**
 * The state after `event`. `known(postId)` says whether the list already shows that post; one it does not is
 * an arrival, shown above the list.
 */
export function applyEvent<P extends Identified, T extends Identified>(
  state: LiveState<P, T>,
  event: StatusEvent<P, T>,
  known: (postId: string) => boolean,
): LiveState<P, T> {
  const { eventId, post, target } = event;
  const since = state.since === null || compareEventIds(eventId, state.since) > 0 ? eventId : state.since;
  const postIsNewer = newer(state.posts[post.id], eventId);
  const targetIsNewer = target !== null && newer(state.targets[target.id], eventId);
  if (!postIsNewer && !targetIsNewer) return since === state.since ? state : { ...state, since };
  const arrival = !state.posts[post.id] && !known(post.id) && !state.arrivals.includes(post.id);
  return {
    since,
    posts: postIsNewer ? { ...state.posts, [post.id]: { eventId, value: post } } : state.posts,
    targets: targetIsNewer ? { ...state.targets, [target.id]: { eventId, value: target } } : state.targets,
    arrivals: arrival ? [post.id, ...state.arrivals] : state.arrivals,
  };
}

/** A post as it is live: its newest state, each target in its own newest state. */
function current<T extends Identified, P extends PostLike<T>>(post: P, state: LiveState<P, T>): P {
  const newest = state.posts[post.id]?.value ?? post;
  return { ...newest, targets: newest.targets.map((t) => state.targets[t.id]?.value ?? t) };
}

/** The list as it is live: each post in its newest state, arrivals first, removed ones left out. */
export function livePosts<T extends Identified, P extends PostLike<T>>(
  listed: readonly P[],
  state: LiveState<P, T>,
  removed: ReadonlySet<string>,
  matches: (post: P) => boolean,
): P[] {
  const listedIds = new Set(listed.map((p) => p.id));
  const arrivals = state.arrivals.filter((id) => !listedIds.has(id)).flatMap((id) => state.posts[id]?.value ?? []);
  return [...arrivals, ...listed]
    .map((p) => current(p, state))
    .filter((p) => !removed.has(p.id) && matches(p));
}
