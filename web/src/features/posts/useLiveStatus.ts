/** The live status of a workspace's posts for a page: the replay reducer fed by the status feed. */

import { useEffect, useReducer, useRef, useState, useSyncExternalStore } from "react";
import { useSubscriptionClient } from "../../auth/AuthContext";
import type { Connection } from "../../graphql/connection";
import type { PostItemFragment, PostTargetItemFragment } from "../../gql/graphql";
import { applyEvent, emptyLiveState, type LiveState, type StatusEvent } from "./liveStatus";
import { openStatusFeed } from "./statusFeed";

type Live = LiveState<PostItemFragment, PostTargetItemFragment>;
type Action =
  | { type: "event"; event: StatusEvent<PostItemFragment, PostTargetItemFragment>; known: (postId: string) => boolean }
  | { type: "reset" };

function reduce(state: Live, action: Action): Live {
  return action.type === "reset" ? emptyLiveState() : applyEvent(state, action.event, action.known);
}

/**
 * `known(postId)`: whether the page already lists that post; `onStartOver`: reload the page's posts (the
 * events missed are no longer kept).
 */
export function useLiveStatus(workspaceId: string, known: (postId: string) => boolean, onStartOver: () => void) {
  const { ws, connection: socket } = useSubscriptionClient();
  const connected = useSyncExternalStore(socket.subscribe, socket.get);
  const [state, dispatch] = useReducer(reduce, undefined, emptyLiveState<PostItemFragment, PostTargetItemFragment>);
  const [waiting, setWaiting] = useState(false);
  const knownRef = useRef(known);
  const startOver = useRef(onStartOver);
  useEffect(() => {
    knownRef.current = known;
    startOver.current = onStartOver;
  });

  useEffect(() => {
    const feed = openStatusFeed(ws, workspaceId, {
      onChange: (change) => dispatch({ type: "event", event: change, known: knownRef.current }),
      onStartOver() {
        dispatch({ type: "reset" });
        startOver.current();
      },
      onWaiting: setWaiting,
    });
    const online = () => feed.retryNow();
    window.addEventListener("online", online);
    return () => {
      window.removeEventListener("online", online);
      feed.close();
    };
  }, [ws, workspaceId]);

  const connection: Connection = waiting ? "reconnecting" : connected;
  return { state, connection };
}
