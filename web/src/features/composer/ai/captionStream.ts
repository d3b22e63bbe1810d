/**
 * The captions of one `captionGenerate` request as they arrive over `captionGenerated`: each network's
 * deltas appended in order, then its `done` chunk's checked text in their place. The subscription carries
 * no sequence number, so a network's finished text is final: a delta or a second `done` that comes after
 * it (a late or repeated chunk) changes nothing, and neither does a chunk of another request or network.
 * The mutation's own answer (`suggestions`) finishes every network it names, so a missed chunk is mended.
 */

import type { Platform } from "../../../gql/graphql";

export interface Caption {
  readonly text: string;
  readonly done: boolean;
}

export interface CaptionStream {
  readonly requestId: string;
  readonly platforms: readonly Platform[];
  readonly captions: Partial<Record<Platform, Caption>>;
}

export interface CaptionChunkEvent {
  readonly requestId: string;
  readonly platform: Platform;
  readonly delta: string;
  readonly done: boolean;
  readonly text?: string | null;
}

export type CaptionEvent =
  | { readonly type: "chunk"; readonly chunk: CaptionChunkEvent }
  | { readonly type: "suggestions"; readonly suggestions: readonly { readonly platform: Platform; readonly text: string }[] };

export function captionStream(requestId: string, platforms: readonly Platform[]): CaptionStream {
  return { requestId, platforms, captions: {} };
}

function finish(stream: CaptionStream, platform: Platform, text: string): CaptionStream {
  return { ...stream, captions: { ...stream.captions, [platform]: { text, done: true } } };
}

export function captionReducer(stream: CaptionStream, event: CaptionEvent): CaptionStream {
  if (event.type === "suggestions") {
    return event.suggestions
      .filter((s) => stream.platforms.includes(s.platform))
      .reduce((next, s) => finish(next, s.platform, s.text), stream);
  }
  const { chunk } = event;
  if (chunk.requestId !== stream.requestId || !stream.platforms.includes(chunk.platform)) return stream;
  const before = stream.captions[chunk.platform];
  if (before?.done) return stream;
  const written = (before?.text ?? "") + chunk.delta;
  if (chunk.done) return finish(stream, chunk.platform, chunk.text ?? written);
  return { ...stream, captions: { ...stream.captions, [chunk.platform]: { text: written, done: false } } };
}

/** Every network asked for has its finished text. */
export function captionsDone(stream: CaptionStream): boolean {
  return stream.platforms.every((p) => stream.captions[p]?.done);
}
