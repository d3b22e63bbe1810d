/**
 * `postStatusChanged` for one workspace, kept alive: graphql-ws reconnects by itself and sends the same
 * subscribe message again, so its `since` is kept at the newest event seen and the server replays what was
 * missed (the laptop slept); when the retries run out it subscribes again after a pause or when the browser
 * is back online. EVENTS_TOO_OLD (slept too long) starts over: the list is reloaded and nothing is replayed.
 */

import { stringifyDocument } from "@urql/core";
import type { FormattedExecutionResult, GraphQLFormattedError } from "graphql";
import { useEffect, useReducer, useRef, useState } from "react";
import { useSubscriptionClient } from "../../auth/AuthContext";
import type { PostItemFragment, PostStatusChangedSubscription as Change, PostTargetItemFragment } from "../../gql/graphql";
import { PostStatusChangedSubscription } from "./documents";
import { applyEvent, compareEventIds, emptyLiveState, type LiveState, type StatusEvent } from "./liveStatus";

export type Connection = "connecting" | "live" | "reconnecting";

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
  const ws = useSubscriptionClient();
  const [state, dispatch] = useReducer(reduce, undefined, emptyLiveState<PostItemFragment, PostTargetItemFragment>);
  const [connection, setConnection] = useState<Connection>("connecting");
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
      unsubscribe = ws.subscribe<Change>(payload, {
        next(result: FormattedExecutionResult<Change>) {
          setConnection("live");
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
          if (disposed) return;
          if (Array.isArray(error) && tooOld(error)) return restart();
          setConnection("reconnecting");
          timer = setTimeout(start, RESUBSCRIBE_MS);
        },
        complete() {
          if (disposed) return;
          setConnection("reconnecting");
          timer = setTimeout(start, RESUBSCRIBE_MS);
        },
      });
    };
    const offConnected = ws.on("connected", () => setConnection("live"));
    const offClosed = ws.on("closed", () => {
      if (!disposed) setConnection("reconnecting");
    });
    const online = () => {
      if (timer !== undefined) start();
    };
    window.addEventListener("online", online);
    start();
    return () => {
      disposed = true;
      clearTimeout(timer);
      window.removeEventListener("online", online);
      offConnected();
      offClosed();
      unsubscribe();
    };
  }, [ws, workspaceId, epoch]);

  return { state, connection };
}
