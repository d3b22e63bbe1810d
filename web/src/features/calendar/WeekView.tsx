import { useEffect, useRef } from "react";
import type { PostItemFragment } from "../../gql/graphql";
import { type CivilDate, formatCivilDate } from "../../time/zoned";
import { dateKey, sameDate, slotKey } from "./calendarMath";
import type { Placed } from "./placement";
import { type ChipActions, PostChip } from "./PostChip";
import styles from "./Calendar.module.css";

const HOURS = Array.from({ length: 24 }, (_, h) => h);

interface WeekViewProps {
  days: CivilDate[];
  today: CivilDate;
  byDay: Map<string, Placed<PostItemFragment>[]>;
  zone: string;
  actions: ChipActions;
}

/** Seven days across, 24 hours down; each hour of each day takes a dropped post. */
export function WeekView({ days, today, byDay, zone, actions }: WeekViewProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const week = days.map(dateKey).join();
  const hours = days.flatMap((day) => (byDay.get(dateKey(day)) ?? []).map((p) => p.hour));
  // The working day first, or the week's earliest post when it is earlier
  const firstHour = Math.min(7, ...hours);
  useEffect(() => {
    const element = scroller.current;
    const row = element?.querySelector<HTMLElement>(`[data-hour="${firstHour}"]`);
    const head = element?.querySelector<HTMLElement>("[data-hour-head]");
    if (element && row) element.scrollTop = row.offsetTop - (head?.offsetHeight ?? 0);
  }, [week, firstHour]);
  return (
    <div className={styles.scroller} ref={scroller}>
      <div className={styles.week} role="table" aria-label="Week">
        <div role="row" className={styles.weekRow} data-hour-head>
          <span role="columnheader" className={styles.corner}>
            <span className="visually-hidden">Hour</span>
          </span>
          {days.map((day) => (
            <span role="columnheader" key={dateKey(day)} className={styles.dayHead} aria-current={sameDate(day, today) ? "date" : undefined}>
              {formatCivilDate(day)}
            </span>
          ))}
        </div>
        {HOURS.map((hour) => (
          <div role="row" key={hour} className={styles.weekRow} data-hour={hour}>
            <span role="rowheader" className={styles.hour}>
              {String(hour).padStart(2, "0")}:00
            </span>
            {days.map((day) => {
              const key = dateKey(day);
              const here = (byDay.get(key) ?? []).filter((p) => p.hour === hour);
              return (
                <div
                  role="cell"
                  key={key}
                  className={styles.slot}
                  data-slot={slotKey(day, hour)}
                >
                  {here.map((p) => (
                    <PostChip key={p.post.id} post={p.post} at={p.at} zone={zone} {...actions} />
                  ))}
                </div>
              );
            })}
          </div>
        ))}
      </div>
    </div>
  );
}
