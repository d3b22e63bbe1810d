/** The workspace's posts page by page (newest first), with "load more" and a reload. */

import { useCallback, useEffect, useState } from "react";
import { useClient } from "urql";
import type { PostItemFragment, PostStatus } from "../../gql/graphql";
import { PostsPageQuery } from "./documents";

const PAGE_SIZE = 20;

interface Loaded {
  key: string;
  posts: PostItemFragment[];
  endCursor: string | null;
  hasNextPage: boolean;
  total: number;
}

export function usePostList(workspaceId: string, status: PostStatus | null, pageSize = PAGE_SIZE) {
  const client = useClient();
  const [epoch, setEpoch] = useState(0);
  const key = `${workspaceId}|${status ?? ""}|${epoch}`;
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<{ key: string } | null>(null);
  const [more, setMore] = useState(false);

  const fetchPage = useCallback(
    (after: string | null) =>
      client
        .query(
          PostsPageQuery,
          { workspaceId, filter: status ? { status } : null, first: pageSize, after },
          { requestPolicy: "network-only" },
        )
        .toPromise(),
    [client, workspaceId, status, pageSize],
  );

  useEffect(() => {
    let current = true;
    void fetchPage(null).then((result) => {
      if (!current) return;
      const posts = result.data?.posts;
      if (!posts) return setError({ key });
      setLoaded({
        key,
        posts: posts.edges.map((e) => e.node),
        endCursor: posts.pageInfo.endCursor ?? null,
        hasNextPage: posts.pageInfo.hasNextPage,
        total: posts.totalCount,
      });
    });
    return () => {
      current = false;
    };
  }, [fetchPage, key]);

  async function loadMore() {
    if (!loaded?.hasNextPage || more) return;
    setMore(true);
    const result = await fetchPage(loaded.endCursor);
    setMore(false);
    const page = result.data?.posts;
    if (!page) return setError({ key });
    setLoaded((l) =>
      l && l.key === key
        ? {
            ...l,
            posts: [...l.posts, ...page.edges.map((e) => e.node)],
            endCursor: page.pageInfo.endCursor ?? null,
            hasNextPage: page.pageInfo.hasNextPage,
            total: page.totalCount,
          }
        : l,
    );
  }

  const current = loaded?.key === key ? loaded : null;
  return {
    posts: current?.posts ?? [],
    total: current?.total ?? 0,
    hasNextPage: current?.hasNextPage ?? false,
    /** The first page is being read (nothing to show yet). */
    loading: current === null && error?.key !== key,
    failed: error?.key === key && current === null,
    loadingMore: more,
    loadMore,
    reload: useCallback(() => setEpoch((e) => e + 1), []),
  };
}
