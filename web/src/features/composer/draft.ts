/**
 * What the composer holds while a post is written, and the `PostCreateInput` it makes: one base text and
 * media for every account, a thread, and per account its own text, media and the options its network takes.
 */

import type { InstagramKind, PostCreateInput, PostTargetInput, PostTargetOptionsInput } from "../../gql/graphql";

export interface TargetOptions {
  langs: string;
  quoteUri: string;
  replyToUri: string;
  subreddit: string;
  title: string;
  flairId: string;
  link: string;
  instagramKind: InstagramKind | "";
  firstComment: string;
}

export interface TargetDraft {
  /** null: the base text. */
  text: string | null;
  /** null: the post's media. */
  mediaIds: string[] | null;
  options: TargetOptions;
}

export interface ThreadPartDraft {
  text: string;
}

export interface Draft {
  text: string;
  /** The chosen accounts, in the order they are listed (a target's index in userErrors paths). */
  accountIds: string[];
  mediaIds: string[];
  thread: ThreadPartDraft[];
  targets: Record<string, TargetDraft>;
}

export const NO_OPTIONS: TargetOptions = {
  langs: "",
  quoteUri: "",
  replyToUri: "",
  subreddit: "",
  title: "",
  flairId: "",
  link: "",
  instagramKind: "",
  firstComment: "",
};

export function emptyTarget(): TargetDraft {
  return { text: null, mediaIds: null, options: NO_OPTIONS };
}

export function targetOf(draft: Draft, accountId: string): TargetDraft {
  return draft.targets[accountId] ?? emptyTarget();
}

/** The text an account will publish. */
export function textFor(draft: Draft, accountId: string): string {
  return targetOf(draft, accountId).text ?? draft.text;
}

/** The media an account will publish, in order. */
export function mediaFor(draft: Draft, accountId: string): string[] {
  return targetOf(draft, accountId).mediaIds ?? draft.mediaIds;
}

function optionsInput(options: TargetOptions): PostTargetOptionsInput | null {
  const set: PostTargetOptionsInput = {};
  const langs = options.langs
    .split(/[\s,]+/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (langs.length) set.langs = langs;
  for (const key of ["quoteUri", "replyToUri", "subreddit", "title", "flairId", "link", "firstComment"] as const) {
    const value = options[key].trim();
    if (value) set[key] = value;
  }
  if (options.instagramKind) set.instagramKind = options.instagramKind;
  return Object.keys(set).length ? set : null;
}

/** The input postValidate and postCreate take; an empty thread part is left out. */
export function postInput(draft: Draft, workspaceId: string, scheduledAt: string | null): PostCreateInput {
  const targets: PostTargetInput[] = draft.accountIds.map((accountId) => {
    const target = targetOf(draft, accountId);
    return {
      accountId,
      ...(target.text !== null && { text: target.text }),
      ...(target.mediaIds !== null && { mediaIds: target.mediaIds }),
      ...(optionsInput(target.options) && { options: optionsInput(target.options) }),
    };
  });
  const thread = draft.thread.filter((p) => p.text.trim()).map((p) => ({ text: p.text }));
  return {
    workspaceId,
    text: draft.text,
    targets,
    mediaIds: draft.mediaIds.length ? draft.mediaIds : null,
    scheduledAt,
    thread: thread.length ? thread : null,
  };
}
