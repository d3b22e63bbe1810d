/** The library page by page (newest first) for a filter, with "load more" and a reload. */

import { useCallback, useEffect, useState } from "react";
import { useClient } from "urql";
import type { MediaAssetItemFragment, MediaKind, MediaStatus } from "../../gql/graphql";
import { MediaPageQuery } from "./documents";

const PAGE_SIZE = 24;

interface Loaded {
  key: string;
  assets: MediaAssetItemFragment[];
  endCursor: string | null;
  hasNextPage: boolean;
  total: number;
}

export function useMediaList(workspaceId: string, kind: MediaKind | null, status: MediaStatus | null) {
  const client = useClient();
  const [epoch, setEpoch] = useState(0);
  const key = `${workspaceId}|${kind ?? ""}|${status ?? ""}|${epoch}`;
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [failedKey, setFailedKey] = useState<string | null>(null);
  const [more, setMore] = useState(false);

  const fetchPage = useCallback(
    (after: string | null) =>
      client
        .query(MediaPageQuery, { workspaceId, filter: { kind, status }, first: PAGE_SIZE, after }, { requestPolicy: "network-only" })
        .toPromise(),
    [client, workspaceId, kind, status],
  );

  useEffect(() => {
    let current = true;
    void fetchPage(null).then((result) => {
      if (!current) return;
      const page = result.data?.mediaAssets;
      if (!page) return setFailedKey(key);
      setLoaded({
        key,
        assets: page.edges.map((e) => e.node),
        endCursor: page.pageInfo.endCursor ?? null,
        hasNextPage: page.pageInfo.hasNextPage,
        total: page.totalCount,
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
    const page = result.data?.mediaAssets;
    if (!page) return setFailedKey(key);
    setLoaded((l) =>
      l && l.key === key
        ? {
            ...l,
            assets: [...l.assets, ...page.edges.map((e) => e.node).filter((a) => !l.assets.some((b) => b.id === a.id))],
            endCursor: page.pageInfo.endCursor ?? null,
            hasNextPage: page.pageInfo.hasNextPage,
            total: page.totalCount,
          }
        : l,
    );
  }

  /** An asset changed here (alt text saved): shown at once, without reading the pages again. */
  const replace = useCallback((asset: MediaAssetItemFragment) => {
    setLoaded((l) => (l ? { ...l, assets: l.assets.map((a) => (a.id === asset.id ? asset : a)) } : l));
  }, []);

  const current = loaded?.key === key ? loaded : null;
  return {
    assets: current?.assets ?? [],
    total: current?.total ?? 0,
    hasNextPage: current?.hasNextPage ?? false,
    loading: current === null && failedKey !== key,
    failed: failedKey === key && current === null,
    loadingMore: more,
    loadMore,
    replace,
    reload: useCallback(() => setEpoch((e) => e + 1), []),
  };
}
