import { describe, expect, it } from "vitest";
import type { MediaAssetItemFragment } from "../gql/graphql";
import { headersToSet, UPLOAD_START, type UploadAction, uploadFraction, uploadReducer, type UploadState, uploadStatusText } from "./upload";

function asset(status: MediaAssetItemFragment["status"], rejectionReason: string | null = null): MediaAssetItemFragment {
  return {
    id: "M1",
    kind: "IMAGE",
    status,
    filename: "cat.png",
    rejectionReason,
    contentType: "image/png",
    byteSize: 1000,
    width: 10,
    height: 10,
    durationSeconds: null,
    altText: null,
    createdAt: "2026-01-01T00:00:00Z",
    url: null,
    thumbnailUrl: null,
  };
}

function run(...actions: UploadAction[]): UploadState[] {
  const states: UploadState[] = [];
  let state = UPLOAD_START;
  for (const action of actions) {
    state = uploadReducer(state, action);
    states.push(state);
  }
  return states;
}

describe("uploadReducer", () => {
  it("goes creating → sending with progress → checking → ready", () => {
    const states = run(
      { type: "created", total: 1000 },
      { type: "progress", loaded: 250, total: 1000 },
      { type: "progress", loaded: 1000, total: 1000 },
      { type: "sent" },
      { type: "checked", asset: asset("READY") },
    );
    expect(states.map((s) => s.phase)).toEqual(["sending", "sending", "sending", "checking", "ready"]);
    expect(states.map(uploadFraction)).toEqual([0, 0.25, 1, 1, 1]);
    expect(states.map(uploadStatusText)).toEqual(["Uploading… 0 %", "Uploading… 25 %", "Uploading… 100 %", "Checking the file…", "Ready"]);
  });

  it("never moves progress backwards nor past the total, and ignores progress once sent", () => {
    const [, , back, over, , late] = run(
      { type: "created", total: 1000 },
      { type: "progress", loaded: 600, total: 1000 },
      { type: "progress", loaded: 300, total: 1000 },
      { type: "progress", loaded: 5000, total: 1000 },
      { type: "sent" },
      { type: "progress", loaded: 10, total: 1000 },
    );
    expect(back).toEqual({ phase: "sending", loaded: 600, total: 1000 });
    expect(over).toEqual({ phase: "sending", loaded: 1000, total: 1000 });
    expect(late).toEqual({ phase: "checking" });
  });

  it("keeps a REJECTED asset's reason, in words", () => {
    const last = run({ type: "created", total: 3 }, { type: "sent" }, { type: "checked", asset: asset("REJECTED", "This file is not an image or video Herald can read.") }).at(-1);
    expect(last).toMatchObject({ phase: "rejected", reason: "This file is not an image or video Herald can read." });
    expect(uploadStatusText(last as UploadState)).toBe("Rejected: This file is not an image or video Herald can read.");
  });

  it("says a refusal with its code, and an ended upload stays ended", () => {
    const states = run(
      { type: "failed", message: "This workspace has no room left.", code: "STORAGE_QUOTA_EXCEEDED" },
      { type: "created", total: 10 },
      { type: "checked", asset: asset("READY") },
    );
    expect(states.every((s) => s === states[0])).toBe(true);
    expect(uploadStatusText(states[0] as UploadState)).toBe("This workspace has no room left. (STORAGE_QUOTA_EXCEEDED)");
  });

  it("does not call a still-pending asset ready", () => {
    const last = run({ type: "created", total: 3 }, { type: "sent" }, { type: "checked", asset: asset("PENDING_UPLOAD") }).at(-1);
    expect(last?.phase).toBe("failed");
  });

  it("keeps the total it knew when a progress event cannot compute one", () => {
    const last = run({ type: "created", total: 400 }, { type: "progress", loaded: 100, total: 0 }).at(-1);
    expect(last).toEqual({ phase: "sending", loaded: 100, total: 400 });
  });
});

describe("headersToSet", () => {
  it("keeps the server's headers exactly, except those the browser sends itself", () => {
    expect(
      headersToSet([
        { name: "Content-Type", value: "image/png" },
        { name: "Content-Length", value: "1000" },
        { name: "x-amz-meta-workspace", value: "w1" },
      ]),
    ).toEqual([
      { name: "Content-Type", value: "image/png" },
      { name: "x-amz-meta-workspace", value: "w1" },
    ]);
  });
});
