import { describe, expect, it } from "vitest";
import { bars, labelEvery, linePath, niceMax, ticks } from "./chart";
import { formatCount, formatDecimal, formatRate, NOT_REPORTED } from "./format";
import { bestSlots, heatLevel, heatmapGrid, localSlot } from "./heatmap";
import { periodOf, periodRange } from "./period";

describe("not reported is a dash, never 0", () => {
  it("formats null and undefined as a dash, and 0 as 0", () => {
    expect(formatCount(null)).toBe(NOT_REPORTED);
    expect(formatCount(undefined)).toBe(NOT_REPORTED);
    expect(formatCount(0)).toBe("0");
    expect(formatRate(null)).toBe(NOT_REPORTED);
    expect(formatRate(0)).toMatch(/^0\s?%$/);
    expect(formatRate(0.0425)).toMatch(/^4\.3\s?%$/);
    expect(formatDecimal(null)).toBe(NOT_REPORTED);
    expect(formatDecimal(2.24)).toBe("2.2");
  });
});

describe("periodRange", () => {
  it("runs from local midnight to local midnight in the workspace's zone", () => {
    const { from, to } = periodRange(7, new Date("2026-06-10T12:00:00Z"), "Asia/Tokyo");
    expect(from.toISOString()).toBe("2026-06-03T15:00:00.000Z"); // 4 June, 00:00 in Tokyo
    expect(to.toISOString()).toBe("2026-06-10T15:00:00.000Z"); // 11 June, 00:00 in Tokyo
    expect(periodRange(7, new Date("2026-06-10T12:00:00Z"), "Asia/Tokyo")).toMatchObject({
      first: { year: 2026, month: 6, day: 4 },
      last: { year: 2026, month: 6, day: 10 },
    });
  });

  it("is an hour short across spring-forward and an hour long across fall-back (Berlin)", () => {
    const spring = periodRange(7, new Date("2026-03-30T10:00:00Z"), "Europe/Berlin");
    expect(spring.from.toISOString()).toBe("2026-03-23T23:00:00.000Z"); // 24 March, 00:00 CET
    expect(spring.to.toISOString()).toBe("2026-03-30T22:00:00.000Z"); // 31 March, 00:00 CEST
    expect((spring.to.getTime() - spring.from.getTime()) / 3_600_000).toBe(7 * 24 - 1);
    const autumn = periodRange(7, new Date("2026-10-26T10:00:00Z"), "Europe/Berlin");
    expect((autumn.to.getTime() - autumn.from.getTime()) / 3_600_000).toBe(7 * 24 + 1);
  });

  it("reads a period from the URL, falling back to 30 days", () => {
    expect(periodOf("7").days).toBe(7);
    expect(periodOf("365").granularity).toBe("WEEK");
    expect(periodOf("13").days).toBe(30);
    expect(periodOf(null).days).toBe(30);
  });
});

describe("heatmap", () => {
  it("fills 7 × 24 cells, Monday first, with the server's cells where they are", () => {
    const grid = heatmapGrid([
      { weekday: 1, hour: 9, posts: 2, engagement: 10, averageEngagement: 5 },
      { weekday: 7, hour: 23, posts: 1, engagement: 20, averageEngagement: 20 },
    ]);
    expect(grid).toHaveLength(7);
    expect(grid.every((row) => row.length === 24)).toBe(true);
    expect(grid[0]?.[9]?.posts).toBe(2);
    expect(grid[6]?.[23]?.averageEngagement).toBe(20);
    expect(grid[3]?.[3]).toEqual({ weekday: 4, hour: 3, posts: 0, engagement: 0, averageEngagement: null });
    const level = (weekday: number, hour: number) => {
      const cell = grid[weekday - 1]?.[hour];
      if (!cell) throw new Error(`no cell ${weekday}:${hour}`);
      return heatLevel(cell, grid);
    };
    expect([level(7, 23), level(1, 9), level(4, 3)]).toEqual([4, 1, 0]);
    expect(bestSlots(grid).map((c) => [c.weekday, c.hour])).toEqual([
      [7, 23],
      [1, 9],
    ]);
  });

  it("places now at the workspace's local weekday and hour, across both DST changes", () => {
    // Sunday 29 March 2026 in Berlin: 02:00 CET jumps to 03:00 CEST at 01:00 UTC
    expect(localSlot(new Date("2026-03-29T00:30:00Z"), "Europe/Berlin")).toEqual({ weekday: 7, hour: 1 });
    expect(localSlot(new Date("2026-03-29T01:30:00Z"), "Europe/Berlin")).toEqual({ weekday: 7, hour: 3 });
    // Sunday 25 October 2026: 03:00 CEST falls back to 02:00 CET at 01:00 UTC, so hour 2 happens twice
    expect(localSlot(new Date("2026-10-25T00:30:00Z"), "Europe/Berlin")).toEqual({ weekday: 7, hour: 2 });
    expect(localSlot(new Date("2026-10-25T01:30:00Z"), "Europe/Berlin")).toEqual({ weekday: 7, hour: 2 });
    // The same instant is Monday morning in Tokyo and Sunday evening in New York
    expect(localSlot(new Date("2026-03-29T23:30:00Z"), "Asia/Tokyo")).toEqual({ weekday: 1, hour: 8 });
    expect(localSlot(new Date("2026-03-29T23:30:00Z"), "America/New_York")).toEqual({ weekday: 7, hour: 19 });
  });
});

describe("chart shaping", () => {
  it("ends the axis at a round number and ticks evenly", () => {
    expect(niceMax(0)).toBe(1);
    expect(niceMax(7)).toBe(10);
    expect(niceMax(13)).toBe(20);
    expect(niceMax(420)).toBe(500);
    expect(niceMax(1000)).toBe(1000);
    expect(ticks(1)).toEqual([0, 1]);
    expect(ticks(2)).toEqual([0, 1, 2]);
    expect(ticks(5)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(ticks(10)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(ticks(20)).toEqual([0, 5, 10, 15, 20]);
    expect(ticks(500)).toEqual([0, 100, 200, 300, 400, 500]);
  });

  it("draws bars on a shared scale, a zero as no height", () => {
    const drawn = bars([0, 5, 10], 300, 100);
    expect(drawn.map((b) => b.height)).toEqual([0, 50, 100]);
    expect(drawn.map((b) => b.y)).toEqual([100, 50, 0]);
    expect(drawn[1]?.x).toBeCloseTo(103);
    expect(drawn.every((b) => b.width === 94)).toBe(true);
  });

  it("draws a line between the series' own min and max, a flat one mid-height", () => {
    expect(linePath([10, 20, 15], 100, 50)).toBe("M0.0,50.0 L50.0,0.0 L100.0,25.0");
    expect(linePath([7, 7], 100, 50)).toBe("M0.0,25.0 L100.0,25.0");
    expect(linePath([], 100, 50)).toBe("");
  });

  it("labels at most so many bars", () => {
    expect(labelEvery(7, 10)).toBe(1);
    expect(labelEvery(30, 10)).toBe(3);
    expect(labelEvery(53, 8)).toBe(7);
  });
});
