/**
 * The calendar: a week (hours down, days across) or a month, in the workspace's zone. Each post sits at its
 * time with its networks and status; a post not started yet can be dragged to another day or hour, or moved
 * from its dialog with the keyboard. Live through the same status feed as the Posts page.
 */

import { useCallback, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { useMutation } from "urql";
import type { PostItemFragment } from "../../gql/graphql";
import { useWorkspace } from "../../shell/Shell";
import { type CivilDate, formatCivilDate } from "../../time/zoned";
import { Loading } from "../../ui/Loading";
import formStyles from "../../ui/Form.module.css";
import { PostScheduleMutation } from "../posts/documents";
import { LiveIndicator } from "../posts/LiveIndicator";
import { livePosts } from "../posts/liveStatus";
import { usePostList } from "../posts/usePostList";
import { useLiveStatus } from "../posts/useLiveStatus";
import { addDays, addMonths, dateKey, monthGrid, movedTo, parseDateKey, parseSlotKey, sameDate, today, weekDays } from "./calendarMath";
import { MonthView } from "./MonthView";
import { PostDialog } from "./PostDialog";
import { placeByDay } from "./placement";
import { usePointerDrag } from "./usePointerDrag";
import { WeekView } from "./WeekView";
import styles from "./Calendar.module.css";

/** The newest posts the calendar reads (the API has no date filter yet). */
const CALENDAR_POSTS = 100;

type View = "week" | "month";

export interface MoveRequest {
  post: PostItemFragment;
  to: Date;
}

export default function Calendar() {
  const workspace = useWorkspace();
  return <CalendarOf key={workspace.id} />;
}

function CalendarOf() {
  const workspace = useWorkspace();
  const zone = workspace.timezone;
  const [params, setParams] = useSearchParams();
  const view: View = params.get("view") === "month" ? "month" : "week";
  const now = today(zone);
  const date = parseDateKey(params.get("date")) ?? now;
  const list = usePostList(workspace.id, null, CALENDAR_POSTS);
  const known = useCallback((id: string) => list.posts.some((p) => p.id === id), [list.posts]);
  const live = useLiveStatus(workspace.id, known, list.reload);
  const posts = livePosts(list.posts, live.state, new Set(), () => true);
  const byDay = placeByDay(posts, zone);
  const [open, setOpen] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [, schedule] = useMutation(PostScheduleMutation);

  const go = (next: { view?: View; date?: CivilDate }) =>
    setParams({ view: next.view ?? view, date: dateKey(next.date ?? date) }, { replace: true });
  const step = (n: number) => go({ date: view === "week" ? addDays(date, 7 * n) : addMonths(date, n) });

  async function move({ post, to }: MoveRequest): Promise<string | null> {
    setProblem(null);
    const result = await schedule({ id: post.id, input: { scheduledAt: to.toISOString() } });
    const payload = result.data?.postSchedule;
    if (payload?.post) {
      setNotice(`Moved to ${new Intl.DateTimeFormat(undefined, { timeZone: zone, dateStyle: "full", timeStyle: "short" }).format(to)} (${zone}).`);
      return null;
    }
    const error = payload?.userErrors[0];
    const message = error ? `${error.message} (${error.code})` : "Herald could not be reached. Check your connection and try again.";
    setProblem(message);
    return message;
  }

  const press = usePointerDrag((postId, key) => {
    const placed = [...byDay.values()].flat().find((p) => p.post.id === postId);
    const slot = parseSlotKey(key);
    if (placed && slot) void move({ post: placed.post, to: movedTo(placed.at, slot.date, slot.hour, zone) });
  });
  const actions = { onOpen: setOpen, onPress: press };

  const days = view === "week" ? weekDays(date) : monthGrid(date).flat();
  const first = days[0] ?? date;
  const last = days.at(-1) ?? date;
  const title =
    view === "week"
      ? `${formatCivilDate(first)} – ${formatCivilDate(last)} ${last.year}`
      : new Intl.DateTimeFormat(undefined, { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(Date.UTC(date.year, date.month - 1, 1)));
  const openPost = posts.find((p) => p.id === open);

  return (
    <section aria-labelledby="page-title" className={styles.page}>
      <div className={styles.heading}>
        <h1 id="page-title">Calendar</h1>
        <LiveIndicator connection={live.connection} />
        <Link to="/posts/new" className={`button ${styles.newPost}`}>
          New post
        </Link>
      </div>
      <div className={styles.toolbar}>
        <div role="group" aria-label="View" className={styles.segmented}>
          {(["week", "month"] as const).map((v) => (
            <button key={v} type="button" className={view === v ? undefined : "secondary"} aria-pressed={view === v} onClick={() => go({ view: v })}>
              {v === "week" ? "Week" : "Month"}
            </button>
          ))}
        </div>
        <div className={styles.nav}>
          <button type="button" className="secondary" onClick={() => step(-1)} aria-label={view === "week" ? "Previous week" : "Previous month"}>
            ‹
          </button>
          <button type="button" className="secondary" onClick={() => go({ date: now })} disabled={days.some((d) => sameDate(d, now)) && view === "week"}>
            Today
          </button>
          <button type="button" className="secondary" onClick={() => step(1)} aria-label={view === "week" ? "Next week" : "Next month"}>
            ›
          </button>
        </div>
        <h2 className={styles.range} aria-live="polite">
          {title} <span className={styles.zone}>({zone})</span>
        </h2>
      </div>
      {problem && (
        <p role="alert" className={formStyles.alert}>
          {problem}
        </p>
      )}
      {notice && !problem && (
        <p role="status" className={formStyles.notice}>
          {notice}
        </p>
      )}
      {list.hasNextPage && <p className={styles.note}>Showing the {CALENDAR_POSTS} newest posts.</p>}
      {list.loading ? (
        <Loading label="Loading the calendar…" />
      ) : list.failed ? (
        <div role="alert" className={formStyles.alert}>
          <p>Herald could not load the posts.</p>
          <button type="button" className="secondary" onClick={list.reload}>
            Try again
          </button>
        </div>
      ) : view === "week" ? (
        <WeekView days={days} today={now} byDay={byDay} zone={zone} actions={actions} />
      ) : (
        <MonthView weeks={monthGrid(date)} month={date.month} today={now} byDay={byDay} zone={zone} actions={actions} />
      )}
      {openPost && <PostDialog post={openPost} zone={zone} onMove={move} onClose={() => setOpen(null)} />}
    </section>
  );
}
