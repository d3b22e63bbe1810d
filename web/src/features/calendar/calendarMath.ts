/**
 * The calendar's arithmetic in the workspace's zone: weeks (Monday first), the month grid, which day and hour
 * an instant falls in, and the instant a post moves to when dropped on a day or an hour. Civil dates are
 * counted with UTC dates (no DST there); only the step between a wall time and an instant asks the zone.
 */

import { type CivilDate, wallTime, zonedToInstant } from "../../time/zoned";

const DAY_MS = 86_400_000;

function toUtcDays(date: CivilDate): number {
  return Date.UTC(date.year, date.month - 1, date.day) / DAY_MS;
}

function fromUtcDays(days: number): CivilDate {
  const d = new Date(days * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function addDays(date: CivilDate, days: number): CivilDate {
  return fromUtcDays(toUtcDays(date) + days);
}

export function addMonths(date: CivilDate, months: number): CivilDate {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { year, month, day: Math.min(date.day, last) };
}

export function sameDate(a: CivilDate, b: CivilDate): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day;
}

/** "2026-03-29": a date as a key and as a URL value. */
export function dateKey(date: CivilDate): string {
  return `${date.year}-${String(date.month).padStart(2, "0")}-${String(date.day).padStart(2, "0")}`;
}

export function parseDateKey(key: string | null): CivilDate | null {
  const match = key ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(key) : null;
  if (!match) return null;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return sameDate(fromUtcDays(toUtcDays(date)), date) ? date : null;
}

/** 0 for Monday … 6 for Sunday. */
export function weekdayIndex(date: CivilDate): number {
  return (new Date(toUtcDays(date) * DAY_MS).getUTCDay() + 6) % 7;
}

/** The Monday of `date`'s week. */
export function weekStart(date: CivilDate): CivilDate {
  return addDays(date, -weekdayIndex(date));
}

/** The seven days of `date`'s week, Monday first. */
export function weekDays(date: CivilDate): CivilDate[] {
  const monday = weekStart(date);
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/** The weeks that show `date`'s month, each Monday to Sunday (days of the months around it included). */
export function monthGrid(date: CivilDate): CivilDate[][] {
  const first = { year: date.year, month: date.month, day: 1 };
  const last = addDays(addMonths(first, 1), -1);
  const weeks: CivilDate[][] = [];
  for (let monday = weekStart(first); toUtcDays(monday) <= toUtcDays(last); monday = addDays(monday, 7)) {
    weeks.push(weekDays(monday));
  }
  return weeks;
}

/** The instants [start, end) of `days` days from `date`'s midnight in `zone` (a DST day is 23 or 25 hours). */
export function zonedRange(date: CivilDate, days: number, zone: string): { start: Date; end: Date } {
  const end = addDays(date, days);
  return {
    start: zonedToInstant({ ...date, hour: 0, minute: 0 }, zone),
    end: zonedToInstant({ ...end, hour: 0, minute: 0 }, zone),
  };
}

/** The date and hour `instant` falls in, in `zone`. */
export function slotOf(instant: Date, zone: string): { date: CivilDate; hour: number; minute: number } {
  const wall = wallTime(instant, zone);
  return { date: { year: wall.year, month: wall.month, day: wall.day }, hour: wall.hour, minute: wall.minute };
}

/**
 * Where a post at `instant` goes when dropped on `date` (and, in the week view, on `hour`): the same time of
 * day on another date, or the same minute past another hour — read in `zone`, so 09:00 stays 09:00 across a
 * DST change.
 */
export function movedTo(instant: Date, date: CivilDate, hour: number | null, zone: string): Date {
  const wall = wallTime(instant, zone);
  return zonedToInstant({ ...date, hour: hour ?? wall.hour, minute: wall.minute }, zone);
}

/** Today in `zone`. */
export function today(zone: string, now: Date = new Date()): CivilDate {
  return slotOf(now, zone).date;
}

/** A calendar slot's key: "2026-03-29" (a day of the month view) or "2026-03-29T14" (an hour of the week). */
export function slotKey(date: CivilDate, hour: number | null): string {
  return hour === null ? dateKey(date) : `${dateKey(date)}T${String(hour).padStart(2, "0")}`;
}

export function parseSlotKey(key: string | undefined): { date: CivilDate; hour: number | null } | null {
  const match = key ? /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}))?$/.exec(key) : null;
  const date = match ? parseDateKey(match[1] ?? null) : null;
  if (!match || !date) return null;
  const hour = match[2] === undefined ? null : Number(match[2]);
  return hour !== null && hour > 23 ? null : { date, hour };
}
