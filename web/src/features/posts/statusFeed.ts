/**
 * `postStatusChanged` for one workspace, kept alive. graphql-ws reconnects by itself and sends the same
 * subscribe message again, so its `since` is kept at the newest event seen and the server replays what was
 * missed while the socket was down (the laptop slept). When graphql-ws gives up, the feed subscribes again
 * after a pause (or at once: `retryNow`, when the browser is back online). EVENTS_TOO_OLD — slept too long —
 * starts over from now: the caller reloads what it shows.
 */

import { stringifyDocument } from "@urql/core";
import type { FormattedExecutionResult, GraphQLFormattedError } from "graphql";
import type { Client as WsClient } from "graphql-ws";
import type { PostStatusChangedSubscription as Change } from "../../gql/graphql";
import { PostStatusChangedSubscription } from "./documents";
import { compareEventIds } from "./liveStatus";

export type StatusChange = Change["postStatusChanged"];

export interface FeedHandlers {
  onChange(change: StatusChange): void;
  /** The events missed are no longer kept: reload, and expect changes from now on. */
  onStartOver(): void;
  /** The subscription failed and waits to start again (true), or runs again (false). */
  onWaiting(waiting: boolean): void;
}

export interface StatusFeed {
  /** The newest event seen: what a reconnect asks to be replayed after. */
  since(): string | null;
  retryNow(): void;
  close(): void;
}

function tooOld(errors: readonly GraphQLFormattedError[] | undefined): boolean {
  return !!errors?.some((e) => e.extensions?.code === "EVENTS_TOO_OLD");
}

export function openStatusFeed(
  ws: Pick<WsClient, "subscribe">,
  workspaceId: string,
  handlers: FeedHandlers,
  retryMs = 5_000,
): StatusFeed {
  let closed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let unsubscribe = () => {};
  let attempt = 0; // the sink of an attempt ended on purpose must not schedule another
  // graphql-ws sends this same object again on each reconnect: `since` is updated in place
  const payload = {
    query: stringifyDocument(PostStatusChangedSubscription),
    variables: { workspaceId, since: null as string | null },
  };

  const wait = () => {
    handlers.onWaiting(true);
    timer = setTimeout(retry, retryMs);
  };
  const startOver = () => {
    payload.variables.since = null;
    handlers.onStartOver();
    start();
  };
  const start = () => {
    clearTimeout(timer);
    timer = undefined;
    unsubscribe();
    const mine = ++attempt;
    const ended = () => closed || mine !== attempt;
    unsubscribe = ws.subscribe<Change>(payload, {
      next(result: FormattedExecutionResult<Change>) {
        if (ended()) return;
        handlers.onWaiting(false);
        if (tooOld(result.errors)) return startOver();
        const change = result.data?.postStatusChanged;
        if (!change) return;
        const since = payload.variables.since;
        if (since === null || compareEventIds(change.eventId, since) > 0) payload.variables.since = change.eventId;
        handlers.onChange(change);
      },
      error(error) {
        if (ended()) return;
        if (Array.isArray(error) && tooOld(error)) return startOver();
        wait();
      },
      complete() {
        if (!ended()) wait();
      },
    });
  };
  const retry = () => {
    handlers.onWaiting(false);
    start();
  };

  start();
  return {
    since: () => payload.variables.since,
    retryNow() {
      if (timer !== undefined && !closed) retry();
    },
    close() {
      closed = true;
      clearTimeout(timer);
      unsubscribe();
    },
  };
}
