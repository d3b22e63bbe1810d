/** One file of the library: its thumbnail, what it is, its status, its alt text (editable), Delete. */

import { type FormEvent, useId, useState } from "react";
import { useMutation } from "urql";
import type { MediaAssetItemFragment } from "../../gql/graphql";
import { formatDateTime } from "../../time/zoned";
import { Badge, type BadgeTone } from "../../ui/Badge";
import { MediaAssetUpdateMutation } from "./documents";
import { DeleteMediaDialog } from "./DeleteMediaDialog";
import { formatBytes } from "./library";
import styles from "./Media.module.css";

const STATUS_BADGES: Record<MediaAssetItemFragment["status"], { label: string; icon: string; tone: BadgeTone }> = {
  READY: { label: "Ready", icon: "✓", tone: "good" },
  PENDING_UPLOAD: { label: "Waiting for upload", icon: "⋯", tone: "busy" },
  REJECTED: { label: "Rejected", icon: "✕", tone: "bad" },
};

interface AssetCardProps {
  asset: MediaAssetItemFragment;
  zone: string;
  workspaceId: string;
  onSaved: (asset: MediaAssetItemFragment) => void;
  onDeleted: () => void;
}

export function AssetCard({ asset, zone, workspaceId, onSaved, onDeleted }: AssetCardProps) {
  const id = useId();
  const [deleting, setDeleting] = useState(false);
  const badge = STATUS_BADGES[asset.status];
  const size = [asset.width && asset.height ? `${asset.width} × ${asset.height}` : null, formatBytes(asset.byteSize)]
    .filter(Boolean)
    .join(" · ");
  return (
    <li className={styles.card} aria-labelledby={`${id}-name`} data-media-id={asset.id}>
      <div className={styles.thumb}>
        {asset.thumbnailUrl ? (
          <img src={asset.thumbnailUrl} alt={asset.altText ?? ""} loading="lazy" />
        ) : (
          <span className={styles.noThumb}>No preview</span>
        )}
      </div>
      <div className={styles.cardBody}>
        <p className={styles.filename} id={`${id}-name`} title={asset.filename}>
          {asset.filename}
        </p>
        <Badge {...badge} />
        <p className={styles.meta}>
          {asset.kind.charAt(0) + asset.kind.slice(1).toLowerCase()} · {size}
          <br />
          <span>Added {formatDateTime(asset.createdAt, zone)}</span>
        </p>
        {asset.status === "REJECTED" && (
          <p className={styles.reason}>
            <span aria-hidden="true">⚠ </span>
            {asset.rejectionReason ?? "Herald refused this file."}
          </p>
        )}
        {asset.status === "READY" && <AltTextForm asset={asset} onSaved={onSaved} />}
        <button type="button" className={`secondary ${styles.delete}`} onClick={() => setDeleting(true)} aria-describedby={`${id}-name`}>
          Delete
        </button>
      </div>
      {deleting && (
        <DeleteMediaDialog
          asset={asset}
          workspaceId={workspaceId}
          onClose={(deleted) => {
            setDeleting(false);
            if (deleted) onDeleted();
          }}
        />
      )}
    </li>
  );
}

function AltTextForm({ asset, onSaved }: { asset: MediaAssetItemFragment; onSaved: (asset: MediaAssetItemFragment) => void }) {
  const id = useId();
  const [text, setText] = useState(asset.altText ?? "");
  const [problem, setProblem] = useState<string | null>(null);
  const [{ fetching }, update] = useMutation(MediaAssetUpdateMutation);
  const changed = text.trim() !== (asset.altText ?? "");

  async function save(event: FormEvent) {
    event.preventDefault();
    const result = await update({ id: asset.id, input: { altText: text } });
    const payload = result.data?.mediaAssetUpdate;
    const refused = payload?.userErrors[0];
    if (refused) return setProblem(`${refused.message} (${refused.code})`);
    if (!payload?.asset) return setProblem("Herald could not be reached. Check your connection and try again.");
    setProblem(null);
    setText(payload.asset.altText ?? "");
    onSaved(payload.asset);
  }

  return (
    <form className={styles.alt} onSubmit={(e) => void save(e)}>
      <label htmlFor={`${id}-alt`}>Alt text for {asset.filename}</label>
      <textarea
        id={`${id}-alt`}
        rows={2}
        value={text}
        placeholder="Describe the image for people who cannot see it"
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-alt-error` : undefined}
        onChange={(e) => setText(e.target.value)}
      />
      {problem && (
        <p id={`${id}-alt-error`} className={styles.reason}>
          {problem}
        </p>
      )}
      <button type="submit" className="secondary" disabled={fetching || !changed}>
        {fetching ? "Saving…" : "Save alt text"}
      </button>
    </form>
  );
}
