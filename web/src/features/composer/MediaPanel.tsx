/**
 * The post's media: files dropped in (or chosen) go straight to storage with a progress bar, then Herald
 * checks them; READY files from the library are picked as they are. Each attached file has its alt text,
 * saved on the asset (`mediaAssetUpdate`) so every post that uses it says the same.
 */

import { type DragEvent, useId, useState } from "react";
import { useMutation, useQuery } from "urql";
import type { ComposerAssetFragment } from "../../gql/graphql";
import {
  MediaAssetsQuery,
  MediaAssetUpdateMutation,
  MediaUploadCompleteMutation,
  MediaUploadCreateMutation,
} from "./documents";
import { FieldErrors } from "./FieldErrors";
import { sendBytes } from "../../media/upload";
import styles from "./Composer.module.css";

interface Upload {
  readonly key: string;
  readonly filename: string;
  readonly progress: number;
  readonly error?: string;
}

interface MediaPanelProps {
  workspaceId: string;
  mediaIds: string[];
  assets: Record<string, ComposerAssetFragment>;
  /** Alt texts the AI assist suggested, by asset: each fills its field, still to be saved. */
  altSuggestions: Record<string, string>;
  errors: string[] | undefined;
  /** The fieldset's id, so the composer can move focus to it. */
  fieldsetId: string;
  errorId: string;
  onAttach: (asset: ComposerAssetFragment) => void;
  onDetach: (id: string) => void;
  onAsset: (asset: ComposerAssetFragment) => void;
}

export function MediaPanel({ workspaceId, mediaIds, assets, altSuggestions, errors, fieldsetId, errorId, onAttach, onDetach, onAsset }: MediaPanelProps) {
  const id = useId();
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [dragging, setDragging] = useState(false);
  const [libraryOpen, setLibraryOpen] = useState(false);
  const [library] = useQuery({ query: MediaAssetsQuery, variables: { workspaceId }, pause: !libraryOpen, requestPolicy: "cache-and-network" });
  const [, createUpload] = useMutation(MediaUploadCreateMutation);
  const [, completeUpload] = useMutation(MediaUploadCompleteMutation);

  const update = (key: string, change: Partial<Upload>) =>
    setUploads((list) => list.map((u) => (u.key === key ? { ...u, ...change } : u)));

  async function upload(file: File) {
    const key = `${file.name}-${file.size}-${Date.now()}-${Math.random()}`;
    setUploads((list) => [...list, { key, filename: file.name, progress: 0 }]);
    const created = await createUpload({
      input: { workspaceId, filename: file.name, contentType: file.type || "application/octet-stream", byteSize: file.size },
    });
    const ticket = created.data?.mediaUploadCreate;
    const refused = ticket?.userErrors.map((e) => `${e.message} (${e.code})`).join(" ");
    if (!ticket?.asset || !ticket.uploadUrl || refused) {
      update(key, { error: refused || "Herald could not be reached. Try again." });
      return;
    }
    try {
      await sendBytes(
        file,
        { url: ticket.uploadUrl, method: ticket.uploadMethod ?? "PUT", headers: ticket.uploadHeaders },
        (loaded, total) => update(key, { progress: total > 0 ? loaded / total : 0 }),
      );
      update(key, { progress: 1 });
    } catch (error) {
      update(key, { error: (error as Error).message });
      return;
    }
    const completed = await completeUpload({ id: ticket.asset.id });
    const asset = completed.data?.mediaUploadComplete.asset;
    if (asset?.status === "READY") {
      setUploads((list) => list.filter((u) => u.key !== key));
      onAttach(asset);
      return;
    }
    const why =
      (asset?.status === "REJECTED" && asset.rejectionReason) ||
      completed.data?.mediaUploadComplete.userErrors.map((e) => `${e.message} (${e.code})`).join(" ") ||
      "Herald could not check the file. Try again.";
    update(key, { error: `Rejected: ${why}` });
  }

  function addFiles(files: FileList | null) {
    for (const file of Array.from(files ?? [])) void upload(file);
  }

  function drop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    addFiles(event.dataTransfer.files);
  }

  const ready = (library.data?.mediaAssets.edges ?? []).map((e) => e.node).filter((a) => a.thumbnailUrl || a.url);

  return (
    <fieldset
      className={styles.fieldset}
      id={fieldsetId}
      tabIndex={-1}
      aria-invalid={errors?.length ? true : undefined}
      aria-describedby={errors?.length ? errorId : undefined}
    >
      <legend>Media</legend>
      {mediaIds.length > 0 && (
        <ul className={styles.attached} aria-label="Attached media">
          {mediaIds.map((mediaId, index) => (
            <AttachedAsset key={mediaId} asset={assets[mediaId]} index={index} suggestion={altSuggestions[mediaId]} onDetach={() => onDetach(mediaId)} onAsset={onAsset} />
          ))}
        </ul>
      )}
      <div
        className={styles.drop}
        data-dragging={dragging || undefined}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
      >
        <label htmlFor={`${id}-file`}>Add photos or videos</label>
        <input id={`${id}-file`} type="file" accept="image/*,video/*" multiple onChange={(e) => {
          addFiles(e.currentTarget.files);
          e.currentTarget.value = "";
        }} />
        <p className={styles.muted}>or drop files here</p>
      </div>
      {uploads.length > 0 && (
        <ul className={styles.uploads} aria-label="Uploads">
          {uploads.map((u) => (
            <li key={u.key}>
              <span className={styles.filename}>{u.filename}</span>
              {u.error ? (
                <>
                  <p className={styles.errorText} role="alert">
                    {u.error}
                  </p>
                  <button type="button" className={styles.small} onClick={() => setUploads((l) => l.filter((x) => x.key !== u.key))}>
                    Dismiss
                  </button>
                </>
              ) : (
                <progress max={1} value={u.progress} aria-label={`Uploading ${u.filename}`} data-progress={Math.round(u.progress * 100)}>
                  {Math.round(u.progress * 100)}%
                </progress>
              )}
            </li>
          ))}
        </ul>
      )}
      <details className={styles.library} onToggle={(e) => setLibraryOpen(e.currentTarget.open)}>
        <summary>Choose from the library</summary>
        {library.fetching && !library.data ? (
          <p className={styles.muted}>Loading the library…</p>
        ) : ready.length === 0 ? (
          <p className={styles.muted}>No ready files in the library yet.</p>
        ) : (
          <ul className={styles.libraryGrid}>
            {ready.map((asset) => {
              const chosen = mediaIds.includes(asset.id);
              return (
                <li key={asset.id}>
                  <button
                    type="button"
                    aria-pressed={chosen}
                    className={styles.libraryItem}
                    onClick={() => (chosen ? onDetach(asset.id) : onAttach(asset))}
                  >
                    <img src={asset.thumbnailUrl ?? asset.url ?? ""} alt="" />
                    <span>{asset.filename}</span>
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </details>
      <FieldErrors id={errorId} messages={errors} />
    </fieldset>
  );
}

function AttachedAsset({
  asset,
  index,
  suggestion,
  onDetach,
  onAsset,
}: {
  asset: ComposerAssetFragment | undefined;
  suggestion: string | undefined;
  index: number;
  onDetach: () => void;
  onAsset: (asset: ComposerAssetFragment) => void;
}) {
  const id = useId();
  const [, save] = useMutation(MediaAssetUpdateMutation);
  const [alt, setAlt] = useState(asset?.altText ?? "");
  const [state, setState] = useState<{ saving?: boolean; saved?: boolean; error?: string }>({});
  const [suggested, setSuggested] = useState<string | undefined>(undefined);
  if (suggestion !== suggested) {
    setSuggested(suggestion);
    if (suggestion !== undefined) {
      setAlt(suggestion);
      setState({});
    }
  }
  const name = asset?.filename ?? `File ${index + 1}`;

  async function saveAlt() {
    if (!asset || alt === (asset.altText ?? "")) return;
    setState({ saving: true });
    const result = await save({ id: asset.id, altText: alt });
    const payload = result.data?.mediaAssetUpdate;
    if (payload?.asset && !payload.userErrors.length) {
      onAsset(payload.asset);
      setState({ saved: true });
    } else {
      setState({ error: payload?.userErrors.map((e) => `${e.message} (${e.code})`).join(" ") || "Not saved: Herald could not be reached." });
    }
  }

  return (
    <li className={styles.asset}>
      {asset?.thumbnailUrl || asset?.url ? <img src={asset.thumbnailUrl ?? asset.url ?? ""} alt="" className={styles.thumb} /> : <span className={styles.thumb} />}
      <div className={styles.assetBody}>
        <span className={styles.filename}>{name}</span>
        <label htmlFor={`${id}-alt`}>Alt text for {name}</label>
        <textarea
          id={`${id}-alt`}
          rows={2}
          value={alt}
          className={styles.text}
          onChange={(e) => {
            setAlt(e.target.value);
            setState({});
          }}
          onBlur={() => void saveAlt()}
          aria-invalid={state.error ? true : undefined}
          aria-describedby={`${id}-alt-state`}
        />
        <p id={`${id}-alt-state`} className={state.error ? styles.errorText : styles.muted} aria-live="polite">
          {state.error ?? (state.saving ? "Saving…" : state.saved ? "Alt text saved." : "Describe it for people who cannot see it; saved when you leave the field.")}
        </p>
      </div>
      <button type="button" className={styles.small} onClick={onDetach}>
        Remove <span className="visually-hidden">{name}</span>
      </button>
    </li>
  );
}
