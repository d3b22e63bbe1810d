import { describe, expect, it } from "vitest";
import { timeZoneChoices } from "./timeZones";

describe("time zone choices", () => {
  it("put the browser's zone and UTC first, once each", () => {
    expect(timeZoneChoices("Europe/Berlin", ["America/New_York", "Europe/Berlin", "UTC"])).toEqual([
      "Europe/Berlin",
      "UTC",
      "America/New_York",
    ]);
    expect(timeZoneChoices("UTC", ["UTC", "Asia/Tokyo"])).toEqual(["UTC", "Asia/Tokyo"]);
  });

  it("offer every IANA zone this runtime knows", () => {
    expect(timeZoneChoices("UTC")).toContain("Pacific/Auckland");
  });
});
