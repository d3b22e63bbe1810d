import type { PostItemFragment } from "../../gql/graphql";
import type { CivilDate } from "../../time/zoned";
import { dateKey, sameDate, slotKey } from "./calendarMath";
import type { Placed } from "./placement";
import { type ChipActions, PostChip } from "./PostChip";
import styles from "./Calendar.module.css";

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

interface MonthViewProps {
  weeks: CivilDate[][];
  month: number;
  today: CivilDate;
  byDay: Map<string, Placed<PostItemFragment>[]>;
  zone: string;
  actions: ChipActions;
}

/** The month in whole weeks; a post dropped on a day keeps its time of day. */
export function MonthView({ weeks, month, today, byDay, zone, actions }: MonthViewProps) {
  return (
    <div className={styles.month} role="table" aria-label="Month">
      <div role="row" className={styles.monthRow}>
        {WEEKDAYS.map((d) => (
          <span role="columnheader" key={d} className={styles.weekday}>
            {d}
          </span>
        ))}
      </div>
      {weeks.map((week) => (
        <div role="row" key={week.map(dateKey).join()} className={styles.monthRow}>
          {week.map((day) => {
            const key = dateKey(day);
            return (
              <div
                role="cell"
                key={key}
                className={styles.day}
                data-slot={slotKey(day, null)}
                data-outside={day.month !== month || undefined}
                aria-current={sameDate(day, today) ? "date" : undefined}
              >
                <span className={styles.dayNumber}>
                  {day.day}
                  <span className="visually-hidden">
                    {" "}
                    {new Intl.DateTimeFormat(undefined, { month: "long", timeZone: "UTC" }).format(new Date(Date.UTC(day.year, day.month - 1, 1)))}
                  </span>
                </span>
                {(byDay.get(key) ?? []).map((p) => (
                  <PostChip key={p.post.id} post={p.post} at={p.at} zone={zone} {...actions} />
                ))}
              </div>
            );
          })}
        </div>
      ))}
    </div>
  );
}
