/** Delete a file after asking; when a post still uses it (MEDIA_IN_USE), say which posts. */

import { useState } from "react";
import { useClient, useMutation } from "urql";
import type { MediaAssetItemFragment, PostsMediaQuery as PostsMediaData } from "../../gql/graphql";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { postBadge } from "../posts/status";
import { MediaAssetDeleteMutation, PostsMediaQuery } from "./documents";
import { postsUsing } from "./library";
import styles from "./Media.module.css";

type PostWithMedia = PostsMediaData["posts"]["edges"][number]["node"];

/** Pages of posts read to find the users of an asset: the API names none, so this bounds the search. */
const MAX_PAGES = 5;
const PAGE = 100;

export function DeleteMediaDialog({ asset, workspaceId, onClose }: { asset: MediaAssetItemFragment; workspaceId: string; onClose: (deleted: boolean) => void }) {
  const client = useClient();
  const [{ fetching }, remove] = useMutation(MediaAssetDeleteMutation);
  const [problem, setProblem] = useState<string | null>(null);
  const [users, setUsers] = useState<PostWithMedia[] | null>(null);

  async function findUsers(): Promise<PostWithMedia[]> {
    const found: PostWithMedia[] = [];
    let after: string | null = null;
    for (let page = 0; page < MAX_PAGES; page++) {
      const result = await client.query(PostsMediaQuery, { workspaceId, first: PAGE, after }, { requestPolicy: "network-only" }).toPromise();
      const posts: PostsMediaData["posts"] | undefined = result.data?.posts;
      if (!posts) break;
      found.push(...postsUsing(posts.edges.map((e): PostWithMedia => e.node), asset.id));
      if (!posts.pageInfo.hasNextPage) break;
      after = posts.pageInfo.endCursor ?? null;
    }
    return found;
  }

  async function confirm() {
    const result = await remove({ id: asset.id });
    const payload = result.data?.mediaAssetDelete;
    const refused = payload?.userErrors[0];
    if (payload?.deletedMediaAssetId) return onClose(true);
    if (refused?.code === "MEDIA_IN_USE") {
      setProblem(`${refused.message} (${refused.code})`);
      setUsers(await findUsers());
      return;
    }
    setProblem(refused ? `${refused.message} (${refused.code})` : "Herald could not be reached. Check your connection and try again.");
  }

  return (
    <ConfirmDialog
      title={`Delete ${asset.filename}?`}
      confirmLabel="Delete file"
      busyLabel="Deleting…"
      busy={fetching}
      problem={problem}
      onConfirm={() => void confirm()}
      onCancel={() => onClose(false)}
    >
      <p>The file and its previews are removed from Herald’s storage. This cannot be undone.</p>
      {users && (
        <div className={styles.users}>
          {users.length ? (
            <>
              <p>Used by:</p>
              <ul aria-label="Posts that use this file">
                {users.map((post) => (
                  <li key={post.id}>
                    “{post.text.length > 80 ? `${post.text.slice(0, 80)}…` : post.text || "(no text)"}” — {postBadge(post.status).label}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p>None of the {MAX_PAGES * PAGE} newest posts uses it: an older one does.</p>
          )}
        </div>
      )}
    </ConfirmDialog>
  );
}
