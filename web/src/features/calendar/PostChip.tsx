import type { DragEvent } from "react";
import type { PostItemFragment } from "../../gql/graphql";
import { NETWORK_NAMES } from "../../accounts/networks";
import { formatTime } from "../../time/zoned";
import { NetworkIcon } from "../../ui/NetworkIcon";
import { postBadge } from "../posts/status";
import { canMove } from "./placement";
import styles from "./Calendar.module.css";

/** What a dragged post carries, so a slot accepts only posts. */
export const POST_DRAG_TYPE = "application/x-herald-post";

/** A post on the calendar: its time, networks and status in words; click to open, drag to move. */
export function PostChip({ post, at, zone, onOpen }: { post: PostItemFragment; at: Date; zone: string; onOpen: (id: string) => void }) {
  const badge = postBadge(post.status);
  const movable = canMove(post);
  const networks = [...new Set(post.targets.map((t) => t.platform))];
  function dragStart(event: DragEvent<HTMLButtonElement>) {
    event.dataTransfer.setData(POST_DRAG_TYPE, post.id);
    event.dataTransfer.effectAllowed = "move";
  }
  return (
    <button
      type="button"
      className={styles.chip}
      data-tone={badge.tone}
      data-post-id={post.id}
      draggable={movable}
      onDragStart={movable ? dragStart : undefined}
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

/** Drag handlers for a slot that takes a post. */
export function dropTarget(onDrop: (postId: string) => void) {
  const accepts = (event: DragEvent) => event.dataTransfer.types.includes(POST_DRAG_TYPE);
  return {
    onDragOver(event: DragEvent<HTMLElement>) {
      if (!accepts(event)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = "move";
      event.currentTarget.dataset.over = "true";
    },
    onDragLeave(event: DragEvent<HTMLElement>) {
      delete event.currentTarget.dataset.over;
    },
    onDrop(event: DragEvent<HTMLElement>) {
      delete event.currentTarget.dataset.over;
      const id = event.dataTransfer.getData(POST_DRAG_TYPE);
      if (!id) return;
      event.preventDefault();
      onDrop(id);
    },
  };
}
