import { describe, expect, it } from "vitest";
import { captionReducer, captionsDone, captionStream, type CaptionChunkEvent, type CaptionEvent } from "./captionStream";

const chunk = (c: Partial<CaptionChunkEvent>): CaptionEvent => ({
  type: "chunk",
  chunk: { requestId: "r1", platform: "BLUESKY", delta: "", done: false, ...c },
});
const run = (...events: CaptionEvent[]) => events.reduce(captionReducer, captionStream("r1", ["BLUESKY", "THREADS"]));

describe("captionReducer", () => {
  it("appends each network's deltas to that network's text", () => {
    const stream = run(
      chunk({ delta: "Hel" }),
      chunk({ platform: "THREADS", delta: "Bon" }),
      chunk({ delta: "lo" }),
      chunk({ platform: "THREADS", delta: "jour" }),
    );
    expect(stream.captions).toEqual({ BLUESKY: { text: "Hello", done: false }, THREADS: { text: "Bonjour", done: false } });
    expect(captionsDone(stream)).toBe(false);
  });

  it("replaces the deltas with the done chunk's checked text", () => {
    const stream = run(chunk({ delta: "Hello world #a #b" }), chunk({ done: true, text: "Hello world #a" }));
    expect(stream.captions.BLUESKY).toEqual({ text: "Hello world #a", done: true });
  });

  it("keeps the deltas when the done chunk has no text", () => {
    const stream = run(chunk({ delta: "Hel" }), chunk({ delta: "lo", done: true, text: null }));
    expect(stream.captions.BLUESKY).toEqual({ text: "Hello", done: true });
  });

  it("ignores a late delta and a repeated done after a network finished", () => {
    const stream = run(
      chunk({ delta: "Hi" }),
      chunk({ done: true, text: "Hi there" }),
      chunk({ delta: " late" }),
      chunk({ done: true, text: "Hi again" }),
    );
    expect(stream.captions.BLUESKY).toEqual({ text: "Hi there", done: true });
  });

  it("ignores chunks of another request or of a network not asked for", () => {
    const stream = run(chunk({ requestId: "r0", delta: "old" }), chunk({ platform: "REDDIT", delta: "x" }));
    expect(stream.captions).toEqual({});
  });

  it("lets the mutation's suggestions finish every network, mending missed chunks", () => {
    const stream = run(chunk({ delta: "Hel" }), {
      type: "suggestions",
      suggestions: [
        { platform: "BLUESKY", text: "Hello" },
        { platform: "THREADS", text: "Bonjour" },
        { platform: "REDDIT", text: "not asked" },
      ],
    });
    expect(stream.captions).toEqual({ BLUESKY: { text: "Hello", done: true }, THREADS: { text: "Bonjour", done: true } });
    expect(captionsDone(stream)).toBe(true);
  });
});
