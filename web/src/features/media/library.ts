/** What the library shows that is not drawn: sizes in words, and which posts hold on to an asset. */

/** "1.5 MB" (decimal units, as file managers and the networks' limits say them). */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return "—";
  if (bytes < 1000) return `${bytes} B`;
  const units = ["kB", "MB", "GB", "TB"];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value >= 100 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}

/** Share of the quota used, 0–1 (a quota of 0 counts as full). */
export function storageFraction(used: number, limit: number): number {
  if (limit <= 0) return 1;
  return Math.min(used / limit, 1);
}

export interface PostUsingMedia {
  id: string;
  text: string;
  status: string;
  media: readonly { id: string }[];
  thread: readonly { media: readonly { id: string }[] }[];
  targets: readonly { status: string; media: readonly { id: string }[] }[];
}

/**
 * The posts that keep `assetId` from being deleted, by the server's rule (`MediaAsset.in_use`): the post
 * lists it (in its media or a thread part's) or a target does, and some target is neither CANCELLED nor
 * FAILED. The API's MEDIA_IN_USE does not name them, so the console looks for them in the posts it reads.
 */
export function postsUsing<P extends PostUsingMedia>(posts: readonly P[], assetId: string): P[] {
  const has = (media: readonly { id: string }[]) => media.some((m) => m.id === assetId);
  return posts.filter((post) => {
    const live = post.targets.filter((t) => t.status !== "CANCELLED" && t.status !== "FAILED");
    if (live.length === 0) return false;
    const listed = has(post.media) || post.thread.some((part) => has(part.media));
    return listed || live.some((t) => has(t.media));
  });
}
