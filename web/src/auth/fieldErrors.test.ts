import { describe, expect, it } from "vitest";
import { errorsByField } from "./fieldErrors";

describe("errorsByField", () => {
  const fields = ["email", "password", "name"] as const;

  it("puts each error on the field its path names", () => {
    const { byField, general } = errorsByField(
      [
        { field: ["email"], message: "Enter an email address." },
        { field: ["input", "password"], message: "Too short." },
        { field: ["email"], message: "Taken." },
      ],
      fields,
    );
    expect(byField).toEqual({ email: ["Enter an email address.", "Taken."], password: ["Too short."] });
    expect(general).toEqual([]);
  });

  it("errors without a field, or naming a field not on the form, are general", () => {
    const { byField, general } = errorsByField(
      [
        { field: null, message: "Wrong email or password." },
        { message: "Slow down." },
        { field: ["timezone"], message: "Unknown zone." },
        { field: [], message: "Empty path." },
      ],
      fields,
    );
    expect(byField).toEqual({});
    expect(general).toEqual(["Wrong email or password.", "Slow down.", "Unknown zone.", "Empty path."]);
  });
});
