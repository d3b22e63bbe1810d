/** The media library: storage used, uploads (drop or pick files, with progress), the grid with filters. */

import { useState } from "react";
import { useSearchParams } from "react-router";
import { useQuery } from "urql";
import type { MediaKind, MediaStatus } from "../../gql/graphql";
import { useWorkspace } from "../../shell/Shell";
import formStyles from "../../ui/Form.module.css";
import { Loading } from "../../ui/Loading";
import { AssetCard } from "./AssetCard";
import { StorageUsageQuery } from "./documents";
import { formatBytes, storageFraction } from "./library";
import { Uploads } from "./Uploads";
import { useMediaList } from "./useMediaList";
import styles from "./Media.module.css";

const KINDS: Record<MediaKind, string> = { IMAGE: "Images", GIF: "GIFs", VIDEO: "Videos" };
const STATUSES: Record<MediaStatus, string> = { READY: "Ready", PENDING_UPLOAD: "Waiting for upload", REJECTED: "Rejected" };

function pick<T extends string>(value: string | null, options: Record<T, string>): T | null {
  return value !== null && value in options ? (value as T) : null;
}

export default function Media() {
  const workspace = useWorkspace();
  return <MediaOf key={workspace.id} />;
}

function MediaOf() {
  const workspace = useWorkspace();
  const [params, setParams] = useSearchParams();
  const kind = pick(params.get("kind"), KINDS);
  const status = pick(params.get("status"), STATUSES);
  const list = useMediaList(workspace.id, kind, status);
  const [notice, setNotice] = useState<string | null>(null);
  const [{ data: usage }, reloadUsage] = useQuery({ query: StorageUsageQuery, variables: { workspaceId: workspace.id } });

  function setFilter(name: "kind" | "status", value: string) {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  }

  function changed(message: string) {
    setNotice(message);
    list.reload();
    reloadUsage({ requestPolicy: "network-only" });
  }

  const storage = usage?.workspace?.storageUsage;
  const filtered = kind !== null || status !== null;
  return (
    <section aria-labelledby="page-title" className={styles.page}>
      <div className={styles.heading}>
        <h1 id="page-title">Media</h1>
        {storage && (
          <div className={styles.storage}>
            <label htmlFor="storage-used">
              Storage: {formatBytes(storage.usedBytes)} of {formatBytes(storage.limitBytes)} used
            </label>
            <progress id="storage-used" max={1} value={storageFraction(storage.usedBytes, storage.limitBytes)} />
          </div>
        )}
      </div>
      {notice && (
        <p role="status" className={formStyles.notice}>
          {notice}
        </p>
      )}
      <Uploads workspaceId={workspace.id} onUploaded={() => changed("Upload finished.")} />

      <form className={styles.filters} aria-label="Filter media" onSubmit={(e) => e.preventDefault()}>
        <label>
          Kind
          <select className={formStyles.select} value={kind ?? ""} onChange={(e) => setFilter("kind", e.target.value)}>
            <option value="">Any kind</option>
            {Object.entries(KINDS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Status
          <select className={formStyles.select} value={status ?? ""} onChange={(e) => setFilter("status", e.target.value)}>
            <option value="">Any status</option>
            {Object.entries(STATUSES).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </form>

      {list.loading ? (
        <Loading label="Loading media…" />
      ) : list.failed ? (
        <div role="alert" className={formStyles.alert}>
          <p>Herald could not load the media.</p>
          <button type="button" className="secondary" onClick={list.reload}>
            Try again
          </button>
        </div>
      ) : list.assets.length === 0 ? (
        <p className={styles.empty}>{filtered ? "No files match these filters." : "No files yet. Upload the first one above."}</p>
      ) : (
        <>
          <p className={styles.count}>
            {list.assets.length} of {list.total} {list.total === 1 ? "file" : "files"}
          </p>
          <ul className={styles.grid} aria-label="Media files">
            {list.assets.map((asset) => (
              <AssetCard
                key={asset.id}
                asset={asset}
                zone={workspace.timezone}
                workspaceId={workspace.id}
                onSaved={(saved) => {
                  list.replace(saved);
                  setNotice(`Alt text of ${saved.filename} saved.`);
                }}
                onDeleted={() => changed(`${asset.filename} deleted.`)}
              />
            ))}
          </ul>
        </>
      )}
      {list.hasNextPage && (
        <button type="button" className={`secondary ${styles.more}`} disabled={list.loadingMore} onClick={() => void list.loadMore()}>
          {list.loadingMore ? "Loading…" : "Load more files"}
        </button>
      )}
    </section>
  );
}
