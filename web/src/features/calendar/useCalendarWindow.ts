/** The posts the calendar shows: those with a target due or published in the window the view covers. */

import { useCallback, useEffect, useState } from "react";
import { useClient } from "urql";
import type { CalendarEntriesQuery as CalendarEntriesResult, PostItemFragment } from "../../gql/graphql";
import { CalendarEntriesQuery } from "../posts/documents";

/** At most this many targets a window (the API's `calendarEntries` caps `first` at 1000). */
export const CALENDAR_ENTRIES = 1000;

interface Loaded {
  key: string;
  posts: PostItemFragment[];
  truncated: boolean;
}

/** Each post once, in the order of its first entry (the API answers earliest first). */
export function postsOfEntries(entries: CalendarEntriesResult["calendarEntries"]["entries"]): PostItemFragment[] {
  const seen = new Map<string, PostItemFragment>();
  for (const entry of entries) if (!seen.has(entry.target.post.id)) seen.set(entry.target.post.id, entry.target.post);
  return [...seen.values()];
}

export function useCalendarWindow(workspaceId: string, start: Date, end: Date) {
  const client = useClient();
  const [epoch, setEpoch] = useState(0);
  const from = start.toISOString();
  const to = end.toISOString();
  const key = `${workspaceId}|${from}|${to}|${epoch}`;
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<{ key: string } | null>(null);

  useEffect(() => {
    let current = true;
    void client
      .query(CalendarEntriesQuery, { workspaceId, from, to, first: CALENDAR_ENTRIES }, { requestPolicy: "network-only" })
      .toPromise()
      .then((result) => {
        if (!current) return;
        const found = result.data?.calendarEntries;
        if (!found) return setError({ key });
        setLoaded({ key, posts: postsOfEntries(found.entries), truncated: found.truncated });
      });
    return () => {
      current = false;
    };
  }, [client, workspaceId, from, to, key]);

  const current = loaded?.key === key ? loaded : null;
  return {
    posts: current?.posts ?? [],
    truncated: current?.truncated ?? false,
    loading: current === null && error?.key !== key,
    failed: error?.key === key && current === null,
    reload: useCallback(() => setEpoch((e) => e + 1), []),
  };
}
