/** A post opened from the calendar: what it says, where it goes, and — not started yet — "Move to…". */

import { type FormEvent, useState } from "react";
import { useModal } from "../../ui/useModal";
import { Link } from "react-router";
import type { PostItemFragment } from "../../gql/graphql";
import { accountHandle, NETWORK_NAMES } from "../accounts/networks";
import { fromDateTimeInput, toDateTimeInput } from "../../time/zoned";
import { Badge } from "../../ui/Badge";
import dialogStyles from "../../ui/ConfirmDialog.module.css";
import formStyles from "../../ui/Form.module.css";
import { NetworkIcon } from "../../ui/NetworkIcon";
import { postWhen } from "../posts/PostCard";
import { postBadge, targetBadge } from "../posts/status";
import type { MoveRequest } from "./Calendar";
import { canMove, postInstant } from "./placement";
import styles from "./Calendar.module.css";

interface PostDialogProps {
  post: PostItemFragment;
  zone: string;
  onMove: (request: MoveRequest) => Promise<string | null>;
  onClose: () => void;
}

export function PostDialog({ post, zone, onMove, onClose }: PostDialogProps) {
  const dialog = useModal();
  const [problem, setProblem] = useState<string | null>(null);
  const [moving, setMoving] = useState(false);
  const at = postInstant(post);


  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const to = fromDateTimeInput(String(new FormData(event.currentTarget).get("moveTo") ?? ""), zone);
    if (!to) return setProblem("Choose a date and a time.");
    setMoving(true);
    const refused = await onMove({ post, to });
    setMoving(false);
    if (refused) setProblem(refused);
    else onClose();
  }

  return (
    <dialog ref={dialog} className={`${dialogStyles.dialog} ${styles.dialog}`} aria-labelledby="post-dialog-title" onClose={onClose}>
      <h2 id="post-dialog-title">Post</h2>
      <p className={styles.dialogWhen}>
        <Badge {...postBadge(post.status)} /> {postWhen(post, zone)}
      </p>
      <p className={styles.dialogText}>{post.text || "(no text)"}</p>
      <ul className={styles.dialogTargets} aria-label="Where it goes">
        {post.targets.map((t) => (
          <li key={t.id}>
            <NetworkIcon platform={t.platform} size="small" />
            <span>
              {NETWORK_NAMES[t.platform]} · {accountHandle(t.platform, t.account.handle)}
            </span>
            <Badge {...targetBadge(t.status)} />
          </li>
        ))}
      </ul>
      {canMove(post) && at && (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <div className={formStyles.field}>
            <label htmlFor="move-to">Move to ({zone})</label>
            <input
              id="move-to"
              name="moveTo"
              type="datetime-local"
              defaultValue={toDateTimeInput(at, zone)}
              className={formStyles.select}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? "move-to-error" : undefined}
            />
            {problem && (
              <p id="move-to-error" className={formStyles.error}>
                {problem}
              </p>
            )}
          </div>
          <button type="submit" disabled={moving}>
            {moving ? "Moving…" : "Move"}
          </button>
        </form>
      )}
      <div className={dialogStyles.actions}>
        <Link to={`/posts?status=${post.status}`}>Open in Posts</Link>
        <button type="button" className="secondary" onClick={onClose}>
          Close
        </button>
      </div>
    </dialog>
  );
}
