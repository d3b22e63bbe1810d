/** The Posts page: the workspace's posts with filters, live status badges, and what can be done to each. */

import { useCallback, useState } from "react";
import { Link, useLocation, useSearchParams } from "react-router";
import { useQuery } from "urql";
import type { Platform, PostItemFragment } from "../../gql/graphql";
import { accountHandle, NETWORK_NAMES } from "../accounts/networks";
import { useWorkspace } from "../../shell/Shell";
import { Loading } from "../../ui/Loading";
import formStyles from "../../ui/Form.module.css";
import { WorkspaceAccountsQuery } from "./documents";
import { matchesFilters, readFilters, writeFilters, type PostFilters } from "./filters";
import { livePosts } from "./liveStatus";
import { PostCard } from "./PostCard";
import { postBadge, POST_STATUSES } from "./status";
import { LiveIndicator } from "./LiveIndicator";
import { usePostList } from "./usePostList";
import { useLiveStatus } from "./useLiveStatus";
import styles from "./Posts.module.css";

export default function Posts() {
  const workspace = useWorkspace();
  // A new workspace is a new list and a new live feed
  return <PostsOf key={workspace.id} />;
}

function PostsOf() {
  const workspace = useWorkspace();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const list = usePostList(workspace.id, filters.status);
  const known = useCallback((id: string) => list.posts.some((p) => p.id === id), [list.posts]);
  const live = useLiveStatus(workspace.id, known, list.reload);
  const [removed, setRemoved] = useState<ReadonlySet<string>>(new Set());
  const location = useLocation();
  // The composer says what it did when it sends the user here
  const [notice, setNotice] = useState<string | null>(() => (location.state as { notice?: string } | null)?.notice ?? null);
  const [{ data: accountsData }] = useQuery({ query: WorkspaceAccountsQuery, variables: { workspaceId: workspace.id } });
  const accounts = accountsData?.socialAccounts ?? [];

  const shown = livePosts(list.posts, live.state, removed, (p) => matchesFilters(p, filters));
  const setFilter = (change: Partial<PostFilters>) => setParams(writeFilters({ ...filters, ...change }), { replace: true });
  const networks = [...new Set(accounts.map((a) => a.platform))];
  const filtered = filters.network !== null || filters.accountId !== null;

  function removedPost(post: PostItemFragment) {
    setRemoved((r) => new Set(r).add(post.id));
    setNotice("The post was deleted.");
  }

  return (
    <section aria-labelledby="page-title" className={styles.page}>
      <div className={styles.heading}>
        <h1 id="page-title">Posts</h1>
        <LiveIndicator connection={live.connection} />
        <Link to="/posts/new" className={`button ${styles.newPost}`}>
          New post
        </Link>
      </div>
      {notice && (
        <p role="status" className={formStyles.notice}>
          {notice}
        </p>
      )}
      <form className={styles.filters} aria-label="Filter posts" onSubmit={(e) => e.preventDefault()}>
        <label>
          Status
          <select value={filters.status ?? ""} onChange={(e) => setFilter({ status: readFilters(new URLSearchParams({ status: e.target.value })).status })}>
            <option value="">Any status</option>
            {POST_STATUSES.map((s) => (
              <option key={s} value={s}>
                {postBadge(s).label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Network
          <select value={filters.network ?? ""} onChange={(e) => setFilter({ network: (e.target.value || null) as Platform | null })}>
            <option value="">Any network</option>
            {networks.map((n) => (
              <option key={n} value={n}>
                {NETWORK_NAMES[n]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Account
          <select value={filters.accountId ?? ""} onChange={(e) => setFilter({ accountId: e.target.value || null })}>
            <option value="">Any account</option>
            {accounts.map((a) => (
              <option key={a.id} value={a.id}>
                {NETWORK_NAMES[a.platform]}: {accountHandle(a.platform, a.handle)}
              </option>
            ))}
          </select>
        </label>
      </form>

      {list.loading ? (
        <Loading label="Loading posts…" />
      ) : list.failed ? (
        <div role="alert" className={formStyles.alert}>
          <p>Herald could not load the posts.</p>
          <button type="button" className="secondary" onClick={list.reload}>
            Try again
          </button>
        </div>
      ) : shown.length === 0 && !list.hasNextPage ? (
        <div className={styles.empty}>
          {filters.status || filtered ? (
            <p>No posts match these filters.</p>
          ) : (
            <p>
              No posts yet. <Link to="/posts/new">Write the first one</Link>.
            </p>
          )}
        </div>
      ) : (
        <>
          <p className={styles.count} aria-live="polite">
            {filtered
              ? `${shown.length} matching of the ${list.posts.length} loaded`
              : `${shown.length} of ${list.total + live.state.arrivals.length - removed.size}`}
          </p>
          <ul className={styles.list} aria-label="Posts">
            {shown.map((post) => (
              <PostCard key={post.id} post={post} zone={workspace.timezone} onDeleted={() => removedPost(post)} onNotice={setNotice} />
            ))}
          </ul>
        </>
      )}
      {list.hasNextPage && (
        <button type="button" className={`secondary ${styles.more}`} disabled={list.loadingMore} onClick={() => void list.loadMore()}>
          {list.loadingMore ? "Loading…" : "Load more posts"}
        </button>
      )}
    </section>
  );
}
