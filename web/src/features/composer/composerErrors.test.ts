import { describe, expect, it } from "vitest";
import { composerErrors } from "./composerErrors";

describe("the composer's errors", () => {
  it("go next to the field they name, each with its code", () => {
    const errors = composerErrors([
      { code: "EMPTY_POST", message: "Write something.", field: ["text"] },
      { code: "TEXT_TOO_LONG", message: "Too long for Bluesky.", field: ["targets", "0", "text"] },
      { code: "ACCOUNT_NEEDS_REAUTH", message: "Reconnect it.", field: ["targets", "1", "accountId"] },
      { code: "NO_TARGETS", message: "Choose an account.", field: ["targets"] },
      { code: "SCHEDULED_IN_PAST", message: "This time has passed.", field: ["scheduledAt"] },
      { code: "MEDIA_NOT_READY", message: "Still checking.", field: ["mediaIds", "0"] },
      { code: "WORKSPACE_NOT_FOUND", message: "Gone.", field: null },
    ]);
    expect(errors.byField).toEqual({
      text: ["Write something. (EMPTY_POST)", "Too long for Bluesky. (TEXT_TOO_LONG)"],
      accounts: ["Reconnect it. (ACCOUNT_NEEDS_REAUTH)", "Choose an account. (NO_TARGETS)"],
      scheduledAt: ["This time has passed. (SCHEDULED_IN_PAST)"],
    });
    expect(errors.general).toEqual(["Still checking. (MEDIA_NOT_READY)", "Gone. (WORKSPACE_NOT_FOUND)"]);
  });
});
