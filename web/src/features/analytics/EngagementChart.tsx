/** Engagement over the period as bars (hand-drawn SVG), with the same numbers as a table. */

import { useId } from "react";
import type { AnalyticsPageQuery } from "../../gql/graphql";
import { formatCivilDate } from "../../time/zoned";
import { bars, labelEvery, niceMax, ticks } from "./chart";
import { formatCount } from "./format";
import { useWidth } from "./useWidth";
import styles from "./Analytics.module.css";

type Bucket = AnalyticsPageQuery["analyticsOverview"]["buckets"][number];

const HEIGHT = 180;
const LEFT = 44;
const BOTTOM = 24;
/** About half a day label's width ("Wed, Dec 2" at 12 px). */
const LABEL_HALF_WIDTH = 34;
/** Room per label under the axis, so that an edge-anchored last one does not touch its neighbour. */
const LABEL_SPACING = 90;

function dayLabel(date: string): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return formatCivilDate({ year, month, day });
}

export function EngagementChart({ buckets, weekly }: { buckets: readonly Bucket[]; weekly: boolean }) {
  const id = useId();
  const [ref, width] = useWidth<HTMLDivElement>();
  const values = buckets.map((b) => b.engagement);
  const top = niceMax(Math.max(0, ...values));
  const plotWidth = width - LEFT;
  const drawn = bars(values, plotWidth, HEIGHT, top);
  const every = labelEvery(buckets.length, Math.floor(plotWidth / LABEL_SPACING));
  const total = values.reduce((a, b) => a + b, 0);
  const peak = buckets.reduce<Bucket | null>((best, b) => (best === null || b.engagement > best.engagement ? b : best), null);
  const unit = weekly ? "week" : "day";
  return (
    <figure className={styles.figure}>
      <div ref={ref} className={styles.chart}>
        <svg width={width} height={HEIGHT + BOTTOM + 8} role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`}>
          <title id={`${id}-title`}>Engagement per {unit}</title>
          <desc id={`${id}-desc`}>
            {total === 0
              ? "No engagement in this period."
              : `${formatCount(total)} in all; the most on the ${unit} of ${peak ? dayLabel(peak.date) : ""} (${formatCount(peak?.engagement)}).`}
          </desc>
          <g transform="translate(0, 4)">
            {ticks(top).map((t) => {
              const y = HEIGHT - (t / top) * HEIGHT;
              return (
                <g key={t}>
                  <line x1={LEFT} x2={width} y1={y} y2={y} className={styles.gridLine} />
                  <text x={LEFT - 6} y={y + 4} textAnchor="end" className={styles.axisText}>
                    {formatCount(t)}
                  </text>
                </g>
              );
            })}
            {drawn.map((bar, i) => (
              <rect key={buckets[i]?.date} x={LEFT + bar.x} y={bar.y} width={bar.width} height={bar.height} className={styles.bar} />
            ))}
            {buckets.map((b, i) => {
              if (i % every !== 0) return null;
              const middle = LEFT + (drawn[i]?.x ?? 0) + (drawn[i]?.width ?? 0) / 2;
              // a label that would run past the right edge ends at it
              const atEdge = middle + LABEL_HALF_WIDTH > width;
              return (
                <text key={b.date} x={atEdge ? width - 2 : middle} y={HEIGHT + 18} textAnchor={atEdge ? "end" : "middle"} className={styles.axisText}>
                  {dayLabel(b.date)}
                </text>
              );
            })}
          </g>
        </svg>
      </div>
      <figcaption className={styles.caption}>Engagement per {unit} (likes, reposts, replies, quotes and saves of the posts published then).</figcaption>
      <details className={styles.details}>
        <summary>Show as a table</summary>
        <div className={styles.scroll} tabIndex={0} role="region" aria-label={`Engagement per ${unit}, table`}>
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">{weekly ? "Week from" : "Day"}</th>
                <th scope="col">Posts published</th>
                <th scope="col">Engagement</th>
              </tr>
            </thead>
            <tbody>
              {buckets.map((b) => (
                <tr key={b.date}>
                  <th scope="row">{dayLabel(b.date)}</th>
                  <td>{formatCount(b.postsPublished)}</td>
                  <td>{formatCount(b.engagement)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
