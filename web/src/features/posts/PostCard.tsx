/** One post in the list: its text, when, its status, and each target with what can be done about it. */

import { useState } from "react";
import { Link } from "react-router";
import { useMutation } from "urql";
import type { PostItemFragment } from "../../gql/graphql";
import { accountHandle, NETWORK_NAMES } from "../accounts/networks";
import { formatDateTime } from "../../time/zoned";
import { dateKey, slotOf } from "../calendar/calendarMath";
import { Badge } from "../../ui/Badge";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { NetworkIcon } from "../../ui/NetworkIcon";
import formStyles from "../../ui/Form.module.css";
import { PostCancelMutation, PostDeleteMutation, PostTargetDeleteMutation, PostTargetRetryMutation } from "./documents";
import { canCancel, canDelete, canDeleteFromNetwork, canRetry, postBadge, targetBadge, targetExplanation } from "./status";
import styles from "./Posts.module.css";

const UNREACHABLE = "Herald could not be reached. Check your connection and try again.";

type Target = PostItemFragment["targets"][number];

interface PostCardProps {
  post: PostItemFragment;
  zone: string;
  onDeleted: () => void;
  onNotice: (message: string) => void;
}

/** When a post is, in the workspace's zone. */
export function postWhen(post: PostItemFragment, zone: string): string {
  const published = post.targets.map((t) => t.publishedAt).filter((t): t is string => !!t).sort()[0];
  if (published && (post.status === "PUBLISHED" || post.status === "PARTIALLY_PUBLISHED")) {
    return `Published ${formatDateTime(published, zone)}`;
  }
  if (post.scheduledAt) return `${post.status === "SCHEDULED" ? "Scheduled for" : "Planned for"} ${formatDateTime(post.scheduledAt, zone)}`;
  return `Written ${formatDateTime(post.createdAt, zone)}`;
}

export function PostCard({ post, zone, onDeleted, onNotice }: PostCardProps) {
  const [{ fetching: cancelling }, cancel] = useMutation(PostCancelMutation);
  const [{ fetching: deleting }, deletePost] = useMutation(PostDeleteMutation);
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const badge = postBadge(post.status);
  const statuses = post.targets.map((t) => t.status);
  const titleId = `post-${post.id}`;

  async function onCancel() {
    setProblem(null);
    const result = await cancel({ id: post.id });
    const payload = result.data?.postCancel;
    if (payload?.post) onNotice("The post was cancelled; nothing more will be published.");
    else setProblem(payload?.userErrors[0]?.message ?? UNREACHABLE);
  }

  async function onDelete() {
    const result = await deletePost({ id: post.id });
    const payload = result.data?.postDelete;
    if (payload?.deletedPostId) {
      setConfirming(false);
      onDeleted();
    } else {
      setProblem(payload?.userErrors[0]?.message ?? UNREACHABLE);
    }
  }

  return (
    <li className={styles.post} aria-labelledby={titleId} data-post-id={post.id}>
      <div className={styles.postHead}>
        <Badge {...badge} />
        <p className={styles.when}>{postWhen(post, zone)}</p>
      </div>
      <p id={titleId} className={styles.text}>
        {post.text || <span className={styles.muted}>(no text)</span>}
      </p>
      <ul className={styles.targets} aria-label="Where it goes">
        {post.targets.map((target) => (
          <TargetRow key={target.id} target={target} zone={zone} onNotice={onNotice} />
        ))}
      </ul>
      {problem && !confirming && (
        <p role="alert" className={formStyles.error}>
          {problem}
        </p>
      )}
      <div className={styles.actions}>
        {post.status === "SCHEDULED" && post.scheduledAt && (
          <Link className={styles.linkButton} to={`/calendar?view=week&date=${dateKey(slotOf(new Date(post.scheduledAt), zone).date)}`}>
            Show in calendar
          </Link>
        )}
        {canCancel(statuses) && (
          <button type="button" className="secondary" disabled={cancelling} onClick={() => void onCancel()}>
            {cancelling ? "Cancelling…" : "Cancel post"}
          </button>
        )}
        {canDelete(statuses) && (
          <button type="button" className={`secondary ${styles.dangerText}`} onClick={() => { setProblem(null); setConfirming(true); }}>
            Delete post
          </button>
        )}
      </div>
      {confirming && (
        <ConfirmDialog
          title="Delete this post?"
          confirmLabel="Delete post"
          busyLabel="Deleting…"
          busy={deleting}
          problem={problem}
          onConfirm={() => void onDelete()}
          onCancel={() => setConfirming(false)}
        >
          <p>
            Herald forgets this post and its history. Anything already published stays on its network
            {post.targets.some(canDeleteFromNetwork) ? " (use “Delete from Bluesky” first to remove it there)" : ""}.
          </p>
        </ConfirmDialog>
      )}
    </li>
  );
}

function TargetRow({ target, zone, onNotice }: { target: Target; zone: string; onNotice: (message: string) => void }) {
  const [{ fetching: retrying }, retry] = useMutation(PostTargetRetryMutation);
  const [{ fetching: removing }, removeFromNetwork] = useMutation(PostTargetDeleteMutation);
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [deletedAt, setDeletedAt] = useState<string | null>(null);
  const shown = { ...target, deletedAt: target.deletedAt ?? deletedAt };
  const network = NETWORK_NAMES[target.platform];
  const handle = accountHandle(target.platform, target.account.handle);
  const explanation = targetExplanation(shown);
  const explanationId = `target-${target.id}-why`;

  async function onRetry() {
    setProblem(null);
    const result = await retry({ id: target.id });
    const payload = result.data?.postTargetRetry;
    if (payload?.target) onNotice(`Trying ${network} again.`);
    else setProblem(payload?.userErrors[0]?.message ?? UNREACHABLE);
  }

  async function onRemove() {
    const result = await removeFromNetwork({ id: target.id });
    const payload = result.data?.postTargetDelete;
    if (payload?.target) {
      setDeletedAt(payload.target.deletedAt ?? new Date().toISOString());
      setConfirming(false);
      onNotice(`The post was deleted from ${network}.`);
    } else {
      setProblem(payload?.userErrors[0]?.message ?? UNREACHABLE);
    }
  }

  return (
    <li className={styles.target} data-target-status={target.status}>
      <NetworkIcon platform={target.platform} size="small" />
      <div className={styles.targetBody}>
        <p className={styles.targetLine}>
          <span className={styles.account}>
            {network} · {handle}
          </span>
          <Badge {...targetBadge(target.status)} />
          {shown.deletedAt && <span className={styles.muted}>Deleted from {network}</span>}
        </p>
        {target.publishedAt && (
          <p className={styles.small}>
            Published {formatDateTime(target.publishedAt, zone)}
            {target.externalUrl && !shown.deletedAt && (
              <>
                {" · "}
                <a href={target.externalUrl} target="_blank" rel="noreferrer">
                  View on {network}
                  <span className="visually-hidden"> (opens in a new tab)</span>
                </a>
              </>
            )}
          </p>
        )}
        {explanation && !(target.status === "PUBLISHED") && (
          <p id={explanationId} className={target.status === "FAILED" ? styles.failure : styles.unconfirmed}>
            {explanation}
            {target.lastError && target.status === "FAILED" && <span className={styles.code}> ({target.lastError.code})</span>}
          </p>
        )}
        {problem && !confirming && (
          <p role="alert" className={formStyles.error}>
            {problem}
          </p>
        )}
      </div>
      <div className={styles.targetActions}>
        {canRetry(target.status) && (
          <button type="button" disabled={retrying} aria-describedby={explanationId} onClick={() => void onRetry()}>
            {retrying ? "Retrying…" : target.status === "UNCONFIRMED" ? `Check ${network} and retry` : `Retry ${network}`}
          </button>
        )}
        {canDeleteFromNetwork(shown) && (
          <button type="button" className={`secondary ${styles.dangerText}`} onClick={() => { setProblem(null); setConfirming(true); }}>
            Delete from {network}
          </button>
        )}
      </div>
      {confirming && (
        <ConfirmDialog
          title={`Delete from ${network}?`}
          confirmLabel={`Delete from ${network}`}
          busyLabel="Deleting…"
          busy={removing}
          problem={problem}
          onConfirm={() => void onRemove()}
          onCancel={() => setConfirming(false)}
        >
          <p>
            The post (every part of its thread) is removed from {handle} on {network}. Likes and replies on it go with
            it. This cannot be undone.
          </p>
        </ConfirmDialog>
      )}
    </li>
  );
}
