/** Post and target states in words with an icon: colour is only ever a second signal. */

import type { PostStatus, PostTargetStatus } from "../../gql/graphql";
import { networkName } from "../accounts/networks";

export type StatusTone = "good" | "warning" | "bad" | "busy" | "neutral";

export interface Badge {
  readonly label: string;
  readonly icon: string;
  readonly tone: StatusTone;
}

const POST_BADGES: Record<PostStatus, Badge> = {
  DRAFT: { label: "Draft", icon: "✎", tone: "neutral" },
  SCHEDULED: { label: "Scheduled", icon: "◷", tone: "neutral" },
  PUBLISHING: { label: "Publishing", icon: "↻", tone: "busy" },
  PUBLISHED: { label: "Published", icon: "✓", tone: "good" },
  PARTIALLY_PUBLISHED: { label: "Partly published", icon: "◑", tone: "warning" },
  FAILED: { label: "Failed", icon: "✕", tone: "bad" },
  CANCELLED: { label: "Cancelled", icon: "⊘", tone: "neutral" },
};

const TARGET_BADGES: Record<PostTargetStatus, Badge> = {
  DRAFT: POST_BADGES.DRAFT,
  SCHEDULED: POST_BADGES.SCHEDULED,
  QUEUED: { label: "Queued", icon: "⋯", tone: "busy" },
  PUBLISHING: POST_BADGES.PUBLISHING,
  PUBLISHED: POST_BADGES.PUBLISHED,
  FAILED: POST_BADGES.FAILED,
  CANCELLED: POST_BADGES.CANCELLED,
  UNCONFIRMED: { label: "Unconfirmed", icon: "?", tone: "warning" },
};

export function postBadge(status: PostStatus): Badge {
  return POST_BADGES[status];
}

export function targetBadge(status: PostTargetStatus): Badge {
  return TARGET_BADGES[status];
}

export const POST_STATUSES = Object.keys(POST_BADGES) as PostStatus[];

interface TargetLike {
  readonly status: PostTargetStatus;
  readonly platform: string;
  readonly deletedAt?: unknown;
  readonly lastError?: { readonly code: string; readonly message: string; readonly retryable: boolean } | null;
}

/**
 * What a user reads under a target that did not simply work: why it failed in Herald's words, or, for
 * UNCONFIRMED, that nobody knows yet whether it went out.
 */
export function targetExplanation(target: TargetLike): string | null {
  const network = networkName(target.platform);
  if (target.status === "UNCONFIRMED") {
    return (
      `We could not tell if ${network} published it. Check the account on ${network}: ` +
      `Retry looks for the post there first and only publishes it if it is not there.`
    );
  }
  // The server's message says what happened and what to do
  if (target.status === "FAILED") return target.lastError?.message ?? `${network} did not publish it, and said no more.`;
  if (target.status === "PUBLISHED" && target.deletedAt) return `Deleted from ${network}.`;
  return null;
}

/** Whether Retry applies to a target (the server decides in the end: TARGET_NOT_RETRYABLE). */
export function canRetry(status: PostTargetStatus): boolean {
  return status === "FAILED" || status === "UNCONFIRMED";
}

/** A post with a target not started yet or waiting in the queue can be cancelled. */
export function canCancel(statuses: readonly PostTargetStatus[]): boolean {
  return statuses.some((s) => s === "DRAFT" || s === "SCHEDULED" || s === "QUEUED");
}

/** A post being published right now cannot be deleted (POST_IN_FLIGHT). */
export function canDelete(statuses: readonly PostTargetStatus[]): boolean {
  return !statuses.some((s) => s === "QUEUED" || s === "PUBLISHING");
}

/** Only published Bluesky posts can be taken down from the network, for now (DELETE_NOT_SUPPORTED). */
export function canDeleteFromNetwork(target: TargetLike): boolean {
  return target.platform === "BLUESKY" && target.status === "PUBLISHED" && !target.deletedAt;
}
