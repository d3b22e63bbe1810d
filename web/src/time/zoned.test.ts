import { describe, expect, it } from "vitest";
import {
  formatDateTime,
  formatTime,
  fromDateTimeInput,
  isTimeZone,
  offsetMinutes,
  toDateTimeInput,
  wallTime,
  zonedToInstant,
} from "./zoned";

const BERLIN = "Europe/Berlin";
const NEW_YORK = "America/New_York";

describe("offsets across a DST change", () => {
  it.each([
    ["2026-03-29T00:59:00Z", BERLIN, 60],
    ["2026-03-29T01:00:00Z", BERLIN, 120], // 02:00 CET becomes 03:00 CEST
    ["2026-10-25T00:59:00Z", BERLIN, 120],
    ["2026-10-25T01:00:00Z", BERLIN, 60],
    ["2026-03-08T07:00:00Z", NEW_YORK, -240],
    ["2026-01-15T12:00:00Z", "UTC", 0],
    ["2026-01-15T12:00:00Z", "Asia/Kolkata", 330],
  ])("%s in %s is %i minutes ahead of UTC", (iso, zone, minutes) => {
    expect(offsetMinutes(new Date(iso), zone)).toBe(minutes);
  });
});

describe("zonedToInstant", () => {
  it("reads a wall time with the offset in force then, on either side of the change", () => {
    expect(zonedToInstant({ year: 2026, month: 3, day: 28, hour: 9, minute: 0 }, BERLIN).toISOString()).toBe(
      "2026-03-28T08:00:00.000Z",
    );
    expect(zonedToInstant({ year: 2026, month: 3, day: 29, hour: 9, minute: 0 }, BERLIN).toISOString()).toBe(
      "2026-03-29T07:00:00.000Z",
    );
  });

  it("moves a time the clocks skip on by the gap", () => {
    const skipped = zonedToInstant({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, BERLIN);
    expect(skipped.toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(wallTime(skipped, BERLIN)).toMatchObject({ hour: 3, minute: 30 });
  });

  it("takes the first of a time that happens twice", () => {
    const twice = zonedToInstant({ year: 2026, month: 10, day: 25, hour: 2, minute: 30 }, BERLIN);
    expect(twice.toISOString()).toBe("2026-10-25T00:30:00.000Z");
  });

  it("round-trips every hour of a day with 25 hours", () => {
    for (let hour = 0; hour < 24; hour++) {
      const wall = { year: 2026, month: 11, day: 1, hour, minute: 15 };
      expect(wallTime(zonedToInstant(wall, NEW_YORK), NEW_YORK)).toEqual(wall);
    }
  });
});

describe("date-time inputs in the workspace's zone", () => {
  it("shows an instant as the zone's wall time and reads it back", () => {
    const instant = new Date("2026-10-25T08:45:00Z");
    expect(toDateTimeInput(instant, BERLIN)).toBe("2026-10-25T09:45");
    expect(toDateTimeInput(instant, NEW_YORK)).toBe("2026-10-25T04:45");
    expect(fromDateTimeInput("2026-10-25T09:45", BERLIN)?.toISOString()).toBe(instant.toISOString());
  });

  it("reads seconds when the field has them", () => {
    expect(fromDateTimeInput("2026-03-29T03:00:15", BERLIN)?.toISOString()).toBe("2026-03-29T01:00:15.000Z");
  });

  it("refuses what is not a date and time", () => {
    expect(fromDateTimeInput("", BERLIN)).toBeNull();
    expect(fromDateTimeInput("tomorrow", BERLIN)).toBeNull();
  });
});

describe("formatting", () => {
  it("names the zone, which changes with DST", () => {
    expect(formatDateTime("2026-03-28T08:00:00Z", BERLIN, "en-GB")).toMatch(/09:00 CET$/);
    expect(formatDateTime("2026-03-29T07:00:00Z", BERLIN, "en-GB")).toMatch(/09:00 CEST$/);
  });

  it("shows the time of day in the workspace's zone, not the browser's", () => {
    expect(formatTime("2026-06-01T12:00:00Z", "Asia/Tokyo", "en-GB")).toBe("21:00");
  });

  it("knows an IANA zone from a made-up one", () => {
    expect(isTimeZone(BERLIN)).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
  });
});
