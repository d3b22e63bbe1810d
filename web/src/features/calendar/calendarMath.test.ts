import { describe, expect, it } from "vitest";
import {
  addMonths,
  dateKey,
  monthGrid,
  movedTo,
  parseDateKey,
  parseSlotKey,
  slotKey,
  slotOf,
  today,
  weekDays,
  weekStart,
  zonedRange,
} from "./calendarMath";

const BERLIN = "Europe/Berlin";
const d = (year: number, month: number, day: number) => ({ year, month, day });

describe("weeks and months", () => {
  it("starts a week on Monday, across a month and a year", () => {
    expect(weekStart(d(2026, 3, 29))).toEqual(d(2026, 3, 23)); // a Sunday
    expect(weekStart(d(2026, 3, 23))).toEqual(d(2026, 3, 23));
    expect(weekDays(d(2027, 1, 1)).map(dateKey)).toEqual([
      "2026-12-28", "2026-12-29", "2026-12-30", "2026-12-31", "2027-01-01", "2027-01-02", "2027-01-03",
    ]);
  });

  it("lays a month out in whole weeks", () => {
    const march = monthGrid(d(2026, 3, 15));
    expect(march).toHaveLength(6); // 1 March 2026 is a Sunday
    expect(march.flat().map(dateKey).at(0)).toBe("2026-02-23");
    expect(march.flat().map(dateKey).at(-1)).toBe("2026-04-05");
    expect(monthGrid(d(2021, 2, 1))).toHaveLength(4); // February 2021: Monday 1st to Sunday 28th
  });

  it("moves by months without overflowing short ones", () => {
    expect(addMonths(d(2026, 1, 31), 1)).toEqual(d(2026, 2, 28));
    expect(addMonths(d(2026, 12, 15), 1)).toEqual(d(2027, 1, 15));
    expect(addMonths(d(2026, 1, 15), -1)).toEqual(d(2025, 12, 15));
  });

  it("reads a date key, and refuses one that is no date", () => {
    expect(parseDateKey("2026-03-29")).toEqual(d(2026, 3, 29));
    expect(parseDateKey("2026-02-30")).toBeNull();
    expect(parseDateKey("soon")).toBeNull();
  });
});

describe("days in the workspace's zone across DST", () => {
  it("gives the spring-forward day 23 hours and the fall-back day 25", () => {
    const spring = zonedRange(d(2026, 3, 29), 1, BERLIN);
    expect(spring.start.toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect((spring.end.getTime() - spring.start.getTime()) / 3_600_000).toBe(23);
    const autumn = zonedRange(d(2026, 10, 25), 1, BERLIN);
    expect((autumn.end.getTime() - autumn.start.getTime()) / 3_600_000).toBe(25);
  });

  it("puts an instant on the zone's date, not UTC's", () => {
    expect(slotOf(new Date("2026-03-28T23:30:00Z"), BERLIN)).toEqual({ date: d(2026, 3, 29), hour: 0, minute: 30 });
    expect(slotOf(new Date("2026-03-28T23:30:00Z"), "America/New_York").date).toEqual(d(2026, 3, 28));
    expect(today("Pacific/Auckland", new Date("2026-06-01T20:00:00Z"))).toEqual(d(2026, 6, 2));
  });
});

describe("moving a post", () => {
  it("keeps its wall time when dropped on a day across the change", () => {
    const before = new Date("2026-03-27T08:00:00Z"); // Friday 09:00 CET
    expect(movedTo(before, d(2026, 3, 30), null, BERLIN).toISOString()).toBe("2026-03-30T07:00:00.000Z"); // 09:00 CEST
  });

  it("keeps its minutes when dropped on an hour", () => {
    const at = new Date("2026-10-24T08:20:00Z"); // 10:20 CEST
    expect(movedTo(at, d(2026, 10, 26), 15, BERLIN).toISOString()).toBe("2026-10-26T14:20:00.000Z"); // 15:20 CET
  });
});

describe("slot keys", () => {
  it("name a day or an hour of a day, and read back", () => {
    expect(slotKey(d(2026, 3, 29), 14)).toBe("2026-03-29T14");
    expect(slotKey(d(2026, 3, 29), null)).toBe("2026-03-29");
    expect(parseSlotKey("2026-03-29T09")).toEqual({ date: d(2026, 3, 29), hour: 9 });
    expect(parseSlotKey("2026-03-29")).toEqual({ date: d(2026, 3, 29), hour: null });
    expect(parseSlotKey("2026-03-29T24")).toBeNull();
    expect(parseSlotKey(undefined)).toBeNull();
  });
});
