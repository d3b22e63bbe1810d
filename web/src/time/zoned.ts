/**
 * Times in the workspace's time zone, with `Intl` only: what the console shows, what a date-time field
 * means, and civil (calendar) dates. A wall-clock time is turned into an instant by asking `Intl` for the
 * zone's offset at that moment, so days of 23 or 25 hours (DST) come out right.
 */

/** A date on the calendar, with no time zone: month 1–12. */
export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** A wall-clock time in some zone. */
export interface WallTime extends CivilDate {
  readonly hour: number;
  readonly minute: number;
  readonly second?: number;
}

const partsFormats = new Map<string, Intl.DateTimeFormat>();

function partsFormat(zone: string): Intl.DateTimeFormat {
  let format = partsFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    partsFormats.set(zone, format);
  }
  return format;
}

/** The wall-clock time `instant` shows in `zone` (seconds dropped). */
export function wallTime(instant: Date, zone: string): WallTime {
  const parts: Record<string, number> = {};
  for (const part of partsFormat(zone).formatToParts(instant)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
  };
}

/** Minutes `zone` is ahead of UTC at `instant` (Berlin in summer: 120). */
export function offsetMinutes(instant: Date, zone: string): number {
  const wall = wallTime(instant, zone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  return Math.round((asUtc - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000);
}

/**
 * The instant a wall-clock time in `zone` names. A time the clocks skip (spring forward) moves on by the
 * gap, as a clock would; a time that happens twice (fall back) is its first occurrence.
 */
export function zonedToInstant(wall: WallTime, zone: string): Date {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second ?? 0);
  const before = offsetMinutes(new Date(asUtc - 12 * 3_600_000), zone);
  const after = offsetMinutes(new Date(asUtc + 12 * 3_600_000), zone);
  // The earlier offset first: in an overlap both fit, and the first occurrence is the one before the change
  for (const offset of [before, after]) {
    const candidate = new Date(asUtc - offset * 60_000);
    if (offsetMinutes(candidate, zone) === offset) return candidate;
  }
  // In a gap neither fits: read the wall time with the offset from before the change
  return new Date(asUtc - before * 60_000);
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** `instant` as a `datetime-local` input's value in `zone` ("2026-03-29T09:30"). */
export function toDateTimeInput(instant: Date, zone: string): string {
  const w = wallTime(instant, zone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/** A `datetime-local` input's value (seconds optional), read in `zone`; null when it is not a date and time. */
export function fromDateTimeInput(value: string, zone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((n) => Number(n ?? 0)) as [
    number, number, number, number, number, number,
  ];
  return zonedToInstant({ year, month, day, hour, minute, second }, zone);
}

const displayFormats = new Map<string, Intl.DateTimeFormat>();

function displayFormat(zone: string, kind: "dateTime" | "time" | "day", locale: string | undefined): Intl.DateTimeFormat {
  const key = `${zone}|${kind}|${locale ?? ""}`;
  let format = displayFormats.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions =
      kind === "time"
        ? { hour: "2-digit", minute: "2-digit" }
        : kind === "day"
          ? { weekday: "short", day: "numeric", month: "short" }
          : { weekday: "short", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short" };
    format = new Intl.DateTimeFormat(locale, { timeZone: zone, ...options });
    displayFormats.set(key, format);
  }
  return format;
}

/** "Sun, 29 Mar 2026, 09:30 CEST": a time as the console shows it, with the zone's name. */
export function formatDateTime(instant: Date | string, zone: string, locale?: string): string {
  return displayFormat(zone, "dateTime", locale).format(new Date(instant));
}

/** "09:30" in `zone`. */
export function formatTime(instant: Date | string, zone: string, locale?: string): string {
  return displayFormat(zone, "time", locale).format(new Date(instant));
}

/** "Sun, 29 Mar" for a civil date (no zone: the date is the date). */
export function formatCivilDate(date: CivilDate, locale?: string): string {
  return displayFormat("UTC", "day", locale).format(new Date(Date.UTC(date.year, date.month - 1, date.day)));
}

/** Whether `zone` is an IANA time zone this browser knows. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
