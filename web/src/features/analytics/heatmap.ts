/** The posting heatmap: 7 local weekdays (Monday first) × 24 local hours in the workspace's zone. */

import { wallTime } from "../../time/zoned";

export interface HeatCell {
  weekday: number;
  hour: number;
  posts: number;
  engagement: number;
  averageEngagement: number | null;
}

export const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;

/** Rows Monday to Sunday of 24 cells each; a cell the server left out is an empty one. */
export function heatmapGrid(cells: readonly HeatCell[]): HeatCell[][] {
  const byKey = new Map(cells.map((c) => [`${c.weekday}:${c.hour}`, c]));
  return WEEKDAYS.map((_, i) =>
    Array.from({ length: 24 }, (_, hour) => byKey.get(`${i + 1}:${hour}`) ?? { weekday: i + 1, hour, posts: 0, engagement: 0, averageEngagement: null }),
  );
}

/** 0 for no posts, else 1–4 by average engagement against the busiest cell (shade and a number both say it). */
export function heatLevel(cell: HeatCell, grid: readonly HeatCell[][]): 0 | 1 | 2 | 3 | 4 {
  if (cell.posts === 0) return 0;
  const max = Math.max(0, ...grid.flat().map((c) => c.averageEngagement ?? 0));
  if (max === 0) return 1;
  return Math.max(1, Math.ceil(((cell.averageEngagement ?? 0) / max) * 4)) as 1 | 2 | 3 | 4;
}

/** The ISO weekday (1 = Monday) and hour `instant` falls on in `zone`: "now" on the heatmap. */
export function localSlot(instant: Date, zone: string): { weekday: number; hour: number } {
  const wall = wallTime(instant, zone);
  const weekday = new Date(Date.UTC(wall.year, wall.month - 1, wall.day)).getUTCDay() || 7;
  return { weekday, hour: wall.hour };
}

/** The cells with the best average engagement (posts only), best first: the text alternative's summary. */
export function bestSlots(grid: readonly HeatCell[][], count = 3): HeatCell[] {
  return grid
    .flat()
    .filter((c) => c.posts > 0)
    .sort((a, b) => (b.averageEngagement ?? 0) - (a.averageEngagement ?? 0) || b.posts - a.posts)
    .slice(0, count);
}
