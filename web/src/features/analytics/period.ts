/** The periods the analytics page offers, as [from, to) between local midnights in the workspace's zone. */

import type { Granularity } from "../../gql/graphql";
import { type CivilDate, wallTime, zonedToInstant } from "../../time/zoned";

export const PERIODS = [
  { days: 7, label: "Last 7 days", granularity: "DAY" },
  { days: 30, label: "Last 30 days", granularity: "DAY" },
  { days: 90, label: "Last 90 days", granularity: "WEEK" },
  { days: 365, label: "Last 12 months", granularity: "WEEK" },
] as const satisfies readonly { days: number; label: string; granularity: Granularity }[];

export type PeriodDays = (typeof PERIODS)[number]["days"];

export function periodOf(value: string | null): (typeof PERIODS)[number] {
  return PERIODS.find((p) => String(p.days) === value) ?? PERIODS[1];
}

function addDays(date: CivilDate, days: number): CivilDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * The `days` local days that end with today in `zone`: from the first one's midnight to tomorrow's
 * (a period across a DST change is an hour shorter or longer, as the zone's days are).
 */
export function periodRange(days: number, now: Date, zone: string): { from: Date; to: Date; first: CivilDate; last: CivilDate } {
  const today = wallTime(now, zone);
  const last: CivilDate = { year: today.year, month: today.month, day: today.day };
  const tomorrow = addDays(last, 1);
  const first = addDays(tomorrow, -days);
  return {
    from: zonedToInstant({ ...first, hour: 0, minute: 0 }, zone),
    to: zonedToInstant({ ...tomorrow, hour: 0, minute: 0 }, zone),
    first,
    last,
  };
}
