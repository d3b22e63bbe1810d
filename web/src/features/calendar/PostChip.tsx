import type { PointerEvent } from "react";
import type { PostItemFragment } from "../../gql/graphql";
import { NETWORK_NAMES } from "../accounts/networks";
import { formatTime } from "../../time/zoned";
import { NetworkIcon } from "../../ui/NetworkIcon";
import { postBadge } from "../posts/status";
import { canMove } from "./placement";
import styles from "./Calendar.module.css";

export interface ChipActions {
  onOpen: (postId: string) => void;
  /** A press on a post that can move: the start of a drag, or a click. */
  onPress: (event: PointerEvent<HTMLElement>, postId: string) => void;
}

/** A post on the calendar: its time, networks and status in words; click to open, drag to move. */
export function PostChip({ post, at, zone, onOpen, onPress }: { post: PostItemFragment; at: Date; zone: string } & ChipActions) {
  const badge = postBadge(post.status);
  const movable = canMove(post);
  const networks = [...new Set(post.targets.map((t) => t.platform))];
  return (
    <button
      type="button"
      className={styles.chip}
      data-tone={badge.tone}
      data-post-id={post.id}
      data-movable={movable || undefined}
      onPointerDown={movable ? (event) => onPress(event, post.id) : undefined}
      onClick={() => onOpen(post.id)}
    >
      <span className={styles.chipTop}>
        <span className={styles.chipTime}>{formatTime(at, zone)}</span>
        {networks.map((n) => (
          <NetworkIcon key={n} platform={n} size="small" />
        ))}
        <span className="visually-hidden">{networks.map((n) => NETWORK_NAMES[n]).join(", ")}</span>
        <span className={styles.chipStatus}>
          <span aria-hidden="true">{badge.icon}</span>
          <span className={styles.chipLabel}> {badge.label}</span>
        </span>
      </span>
      <span className={styles.chipText}>{post.text || "(no text)"}</span>
    </button>
  );
}

