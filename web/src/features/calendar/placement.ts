/** Which calendar slot each post goes in: its day and hour in the workspace's zone. */

import { dateKey, slotOf } from "./calendarMath";

interface Placeable {
  readonly status: string;
  readonly scheduledAt: string | null;
  readonly targets: readonly { readonly status: string; readonly publishedAt: string | null }[];
}

/** When a post is on the calendar: its scheduled time, else when it was first published; drafts have none. */
export function postInstant(post: Placeable): Date | null {
  if (post.scheduledAt) return new Date(post.scheduledAt);
  const published = post.targets.map((t) => t.publishedAt).filter((t): t is string => !!t).sort()[0];
  return published ? new Date(published) : null;
}

/** A post can be moved while none of its targets has started (postSchedule moves DRAFT and SCHEDULED ones). */
export function canMove(post: Placeable): boolean {
  return post.status === "SCHEDULED" && post.targets.every((t) => t.status === "SCHEDULED" || t.status === "DRAFT");
}

export interface Placed<P> {
  readonly post: P;
  readonly at: Date;
  readonly hour: number;
}

/** Posts by the key of their day ("2026-03-29") in `zone`, each day in time order. */
export function placeByDay<P extends Placeable>(posts: readonly P[], zone: string): Map<string, Placed<P>[]> {
  const days = new Map<string, Placed<P>[]>();
  for (const post of posts) {
    const at = postInstant(post);
    if (!at) continue;
    const slot = slotOf(at, zone);
    const key = dateKey(slot.date);
    const day = days.get(key) ?? [];
    day.push({ post, at, hour: slot.hour });
    days.set(key, day);
  }
  for (const day of days.values()) day.sort((a, b) => a.at.getTime() - b.at.getTime());
  return days;
}
