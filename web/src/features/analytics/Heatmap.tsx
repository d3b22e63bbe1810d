/** When posts were published and how they did: 7 local weekdays × 24 local hours, as a table. */

import type { AnalyticsPageQuery } from "../../gql/graphql";
import { formatDecimal } from "./format";
import { bestSlots, heatLevel, heatmapGrid, localSlot, WEEKDAYS } from "./heatmap";
import styles from "./Analytics.module.css";

const hour = (h: number) => `${String(h).padStart(2, "0")}:00`;

export function Heatmap({ cells, zone, now }: { cells: AnalyticsPageQuery["postingHeatmap"]; zone: string; now: Date }) {
  const grid = heatmapGrid(cells);
  const best = bestSlots(grid);
  const current = localSlot(now, zone);
  return (
    <div>
      <p className={styles.muted}>
        {best.length === 0
          ? "No posts published in the heatmap's period yet."
          : `Best times (average engagement per post): ${best
              .map((c) => `${WEEKDAYS[c.weekday - 1]} ${hour(c.hour)} (${formatDecimal(c.averageEngagement)}, ${c.posts} ${c.posts === 1 ? "post" : "posts"})`)
              .join("; ")}.`}
      </p>
      <div className={styles.scroll} tabIndex={0} role="region" aria-label={`Posting heatmap in ${zone} (scrolls sideways)`}>
        <table className={styles.heatmap}>
          <caption className="visually-hidden">
            Posts published per local weekday and hour in {zone}; each cell says how many, its shade the average engagement
          </caption>
          <thead>
            <tr>
              <td />
              {grid[0]?.map((c) => (
                <th key={c.hour} scope="col" abbr={hour(c.hour)}>
                  {c.hour % 3 === 0 ? String(c.hour).padStart(2, "0") : <span className="visually-hidden">{hour(c.hour)}</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {grid.map((row, i) => (
              <tr key={WEEKDAYS[i]}>
                <th scope="row" abbr={WEEKDAYS[i]}>
                  {WEEKDAYS[i]?.slice(0, 3)}
                </th>
                {row.map((c) => {
                  const isNow = c.weekday === current.weekday && c.hour === current.hour;
                  return (
                    <td
                      key={c.hour}
                      className={`${styles.heat} ${isNow ? styles.now : ""}`}
                      data-level={heatLevel(c, grid)}
                      title={`${WEEKDAYS[c.weekday - 1]} ${hour(c.hour)}: ${c.posts} posts, average engagement ${formatDecimal(c.averageEngagement)}`}
                    >
                      {c.posts > 0 ? c.posts : ""}
                      {c.posts > 0 && <span className="visually-hidden"> posts, average engagement {formatDecimal(c.averageEngagement)}</span>}
                      {isNow && <span className="visually-hidden"> (now)</span>}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className={styles.legend} aria-hidden="true">
        Shade: average engagement, from <span className={styles.heat} data-level="1" /> low to <span className={styles.heat} data-level="4" /> high;
        a number is how many posts; <span className={`${styles.heat} ${styles.now}`} /> is now.
      </p>
    </div>
  );
}
