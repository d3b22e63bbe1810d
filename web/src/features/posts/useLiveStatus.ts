/**
 * `postStatusChanged` for one workspace, kept alive: graphql-ws reconnects by itself and sends the same
 * subscribe message again, so its `since` is kept at the newest event seen and the server replays what was
 * missed (the laptop slept); when the retries run out it subscribes again after a pause or when the browser
 * is back online. EVENTS_TOO_OLD (slept too long) starts over: the list is reloaded and nothing is replayed.
 */

import { stringifyDocument } from "@urql/core";
import type { FormattedExecutionResult, GraphQLFormattedError } from "graphql";
import { useEffect, useReducer, useRef, useState, useSyncExternalStore } from "react";
import { useSubscriptionClient } from "../../auth/AuthContext";
import type { Connection } from "../../graphql/connection";
import type { PostItemFragment, PostStatusChangedSubscription as Change, PostTargetItemFragment } from "../../gql/graphql";
import { PostStatusChangedSubscription } from "./documents";
import { applyEvent, compareEventIds, emptyLiveState, type LiveState, type StatusEvent } from "./liveStatus";

type Live = LiveState<PostItemFragment, PostTargetItemFragment>;
type Action =
  | { type: "event"; event: StatusEvent<PostItemFragment, PostTargetItemFragment>; known: (postId: string) => boolean }
  | { type: "reset" };

function reduce(state: Live, action: Action): Live {
  return action.type === "reset" ? emptyLiveState() : applyEvent(state, action.event, action.known);
}

const RESUBSCRIBE_MS = 5_000;

function tooOld(errors: readonly GraphQLFormattedError[] | undefined): boolean {
  return !!errors?.some((e) => e.extensions?.code === "EVENTS_TOO_OLD");
}

export function useLiveStatus(workspaceId: string, known: (postId: string) => boolean, onStartOver: () => void) {
  const { ws, connection: socket } = useSubscriptionClient();
  const connected = useSyncExternalStore(socket.subscribe, socket.get);
  const [state, dispatch] = useReducer(reduce, undefined, emptyLiveState<PostItemFragment, PostTargetItemFragment>);
  // The subscription failed and waits to start again, though the socket may be up
  const [waiting, setWaiting] = useState(false);
  const [epoch, setEpoch] = useState(0);
  const since = useRef<string | null>(null);
  const knownRef = useRef(known);
  const startOver = useRef(onStartOver);
  useEffect(() => {
    knownRef.current = known;
    startOver.current = onStartOver;
  });

  useEffect(() => {
    let disposed = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let unsubscribe = () => {};
    let attempt = 0; // a sink of an earlier attempt (ended on purpose) must not schedule another
    // graphql-ws sends this same object again on each reconnect: `since` is updated in place
    const payload = {
      query: stringifyDocument(PostStatusChangedSubscription),
      variables: { workspaceId, since: since.current },
    };
    const restart = () => {
      since.current = null;
      dispatch({ type: "reset" });
      startOver.current();
      setEpoch((e) => e + 1);
    };
    const start = () => {
      clearTimeout(timer);
      unsubscribe();
      payload.variables.since = since.current;
      const mine = ++attempt;
      const ended = () => disposed || mine !== attempt;
      unsubscribe = ws.subscribe<Change>(payload, {
        next(result: FormattedExecutionResult<Change>) {
          if (ended()) return;
          setWaiting(false);
          if (tooOld(result.errors)) return restart();
          const change = result.data?.postStatusChanged;
          if (!change) return;
          if (since.current === null || compareEventIds(change.eventId, since.current) > 0) {
            since.current = change.eventId;
            payload.variables.since = change.eventId;
          }
          dispatch({ type: "event", event: change, known: knownRef.current });
        },
        error(error) {
          if (ended()) return;
          if (Array.isArray(error) && tooOld(error)) return restart();
          setWaiting(true);
          timer = setTimeout(retry, RESUBSCRIBE_MS);
        },
        complete() {
          if (ended()) return;
          setWaiting(true);
          timer = setTimeout(retry, RESUBSCRIBE_MS);
        },
      });
    };
    const retry = () => {
      timer = undefined;
      setWaiting(false);
      start();
    };
    const online = () => {
      if (timer === undefined) return;
      clearTimeout(timer);
      retry();
    };
    window.addEventListener("online", online);
    start();
    return () => {
      disposed = true;
      clearTimeout(timer);
      window.removeEventListener("online", online);
      unsubscribe();
    };
  }, [ws, workspaceId, epoch]);

  const connection: Connection = waiting ? "reconnecting" : connected;
  return { state, connection };
}
