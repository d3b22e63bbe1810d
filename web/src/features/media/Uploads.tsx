/** Dropping or picking files: each one uploads with its own progress bar, and ends READY or REJECTED. */

import { type DragEvent, useId, useReducer, useRef, useState } from "react";
import { useClient } from "urql";
import { UPLOAD_START, type UploadAction, uploadFile, uploadFraction, uploadReducer, type UploadState, uploadStatusText } from "../../media/upload";
import styles from "./Media.module.css";

interface Upload {
  key: number;
  name: string;
  state: UploadState;
}

type Action = { type: "add"; key: number; name: string } | { type: "step"; key: number; action: UploadAction } | { type: "clear" };

function reduce(uploads: Upload[], action: Action): Upload[] {
  switch (action.type) {
    case "add":
      return [{ key: action.key, name: action.name, state: UPLOAD_START }, ...uploads];
    case "step":
      return uploads.map((u) => (u.key === action.key ? { ...u, state: uploadReducer(u.state, action.action) } : u));
    case "clear":
      return uploads.filter((u) => !["ready", "rejected", "failed"].includes(u.state.phase));
  }
}

export function Uploads({ workspaceId, onUploaded }: { workspaceId: string; onUploaded: () => void }) {
  const client = useClient();
  const id = useId();
  const [uploads, dispatch] = useReducer(reduce, []);
  const [over, setOver] = useState(false);
  const nextKey = useRef(0);

  function start(files: FileList | null) {
    for (const file of files ?? []) {
      const key = nextKey.current++;
      dispatch({ type: "add", key, name: file.name });
      void uploadFile(client, workspaceId, file, (action) => dispatch({ type: "step", key, action })).then((asset) => {
        if (asset) onUploaded();
      });
    }
  }

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setOver(false);
    start(event.dataTransfer.files);
  }

  const ended = uploads.some((u) => ["ready", "rejected", "failed"].includes(u.state.phase));
  return (
    <section aria-labelledby={`${id}-title`} className={styles.uploads}>
      <h2 id={`${id}-title`} className="visually-hidden">
        Upload
      </h2>
      <div
        className={`${styles.drop} ${over ? styles.over : ""}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <p>Drop images or videos here, or</p>
        <input
          id={`${id}-files`}
          className="visually-hidden"
          type="file"
          multiple
          accept="image/*,video/*"
          onChange={(e) => {
            start(e.target.files);
            e.target.value = "";
          }}
        />
        {/* after the input: its focus shows on the label (CSS), the input itself being hidden */}
        <label className={styles.pick} htmlFor={`${id}-files`}>
          Choose files
        </label>
      </div>
      {uploads.length > 0 && (
        <>
          <ul className={styles.uploadList} aria-label="Uploads">
            {uploads.map((u) => (
              <UploadRow key={u.key} upload={u} />
            ))}
          </ul>
          {ended && (
            <button type="button" className="secondary" onClick={() => dispatch({ type: "clear" })}>
              Clear finished uploads
            </button>
          )}
        </>
      )}
    </section>
  );
}

function UploadRow({ upload }: { upload: Upload }) {
  const id = useId();
  const { state } = upload;
  const tone = state.phase === "ready" ? "good" : state.phase === "rejected" || state.phase === "failed" ? "bad" : "busy";
  const icon = tone === "good" ? "✓" : tone === "bad" ? "✕" : "↻";
  return (
    <li className={styles.upload} data-upload-phase={state.phase}>
      <span className={styles.uploadName} id={`${id}-name`}>
        {upload.name}
      </span>
      {state.phase === "creating" || state.phase === "sending" ? (
        <progress aria-labelledby={`${id}-name`} max={1} value={uploadFraction(state)} />
      ) : state.phase === "checking" ? (
        <progress aria-labelledby={`${id}-name`} />
      ) : null}
      <span className={`${styles.uploadStatus} ${styles[tone]}`} role={tone === "bad" ? "alert" : "status"}>
        <span aria-hidden="true">{icon} </span>
        {uploadStatusText(state)}
      </span>
    </li>
  );
}
