/**
 * Uploading one file to the workspace's media library, shared by the library and the composer:
 * `mediaUploadCreate` → the bytes sent with `uploadMethod` to `uploadUrl` with exactly `uploadHeaders`
 * (XMLHttpRequest: fetch reports no upload progress) → `mediaUploadComplete`, which checks the bytes and
 * answers READY or REJECTED. `uploadReducer` is the state machine a progress bar is drawn from.
 */

import type { Client } from "@urql/core";
import { graphql } from "../gql";
import type { MediaAssetItemFragment } from "../gql/graphql";

export const MediaAssetItemFields = graphql(`
  fragment MediaAssetItem on MediaAsset {
    id
    kind
    status
    filename
    rejectionReason
    contentType
    byteSize
    width
    height
    durationSeconds
    altText
    createdAt
    url
    thumbnailUrl
  }
`);

const UploadCreateMutation = graphql(`
  mutation MediaUploadCreate($input: MediaUploadCreateInput!) {
    mediaUploadCreate(input: $input) {
      asset {
        ...MediaAssetItem
      }
      uploadUrl
      uploadMethod
      uploadHeaders {
        name
        value
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

const UploadCompleteMutation = graphql(`
  mutation MediaUploadComplete($id: ID!) {
    mediaUploadComplete(id: $id) {
      asset {
        ...MediaAssetItem
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

/** Where one upload is. */
export type UploadState =
  | { readonly phase: "creating" }
  | { readonly phase: "sending"; readonly loaded: number; readonly total: number }
  | { readonly phase: "checking" }
  | { readonly phase: "ready"; readonly asset: MediaAssetItemFragment }
  | { readonly phase: "rejected"; readonly asset: MediaAssetItemFragment; readonly reason: string }
  | { readonly phase: "failed"; readonly message: string; readonly code: string | null };

export type UploadAction =
  | { readonly type: "created"; readonly total: number }
  | { readonly type: "progress"; readonly loaded: number; readonly total: number }
  | { readonly type: "sent" }
  | { readonly type: "checked"; readonly asset: MediaAssetItemFragment }
  | { readonly type: "failed"; readonly message: string; readonly code?: string | null };

export const UPLOAD_START: UploadState = { phase: "creating" };

/**
 * The next state. Progress only moves forward and only while sending (a late progress event after the
 * upload ended changes nothing); an ended upload (ready, rejected, failed) stays as it is.
 */
export function uploadReducer(state: UploadState, action: UploadAction): UploadState {
  if (state.phase === "ready" || state.phase === "rejected" || state.phase === "failed") return state;
  switch (action.type) {
    case "created":
      return state.phase === "creating" ? { phase: "sending", loaded: 0, total: action.total } : state;
    case "progress": {
      if (state.phase !== "sending") return state;
      const total = action.total > 0 ? action.total : state.total;
      const loaded = Math.min(Math.max(action.loaded, state.loaded), total);
      return loaded === state.loaded && total === state.total ? state : { phase: "sending", loaded, total };
    }
    case "sent":
      return state.phase === "sending" ? { phase: "checking" } : state;
    case "checked":
      if (action.asset.status === "READY") return { phase: "ready", asset: action.asset };
      if (action.asset.status === "REJECTED") {
        return { phase: "rejected", asset: action.asset, reason: action.asset.rejectionReason ?? "Herald refused this file." };
      }
      return { phase: "failed", message: "Herald has not finished checking the file. Try again in a moment.", code: null };
    case "failed":
      return { phase: "failed", message: action.message, code: action.code ?? null };
  }
}

/** Share of the bytes sent, 0–1 (1 once they are all sent). */
export function uploadFraction(state: UploadState): number {
  if (state.phase === "creating") return 0;
  if (state.phase === "sending") return state.total > 0 ? state.loaded / state.total : 0;
  return 1;
}

/** The one line a person reads about an upload. */
export function uploadStatusText(state: UploadState): string {
  switch (state.phase) {
    case "creating":
      return "Starting…";
    case "sending":
      return `Uploading… ${Math.floor(uploadFraction(state) * 100)} %`;
    case "checking":
      return "Checking the file…";
    case "ready":
      return "Ready";
    case "rejected":
      return `Rejected: ${state.reason}`;
    case "failed":
      return state.code ? `${state.message} (${state.code})` : state.message;
  }
}

/**
 * The headers to set on the XMLHttpRequest: the server's, except those a browser sets itself and refuses
 * from a script (Content-Length: it sends the body's exact size, which is what the server asks for).
 */
export function headersToSet(headers: readonly { name: string; value: string }[]): { name: string; value: string }[] {
  const browserOwned = new Set(["content-length", "host", "connection", "accept-encoding"]);
  return headers.filter((h) => !browserOwned.has(h.name.toLowerCase()));
}

interface UploadTicket {
  url: string;
  method: string;
  headers: readonly { name: string; value: string }[];
}

/** Send `file` as the ticket says, reporting progress; resolves when the server accepted the bytes. */
export function sendBytes(file: Blob, ticket: UploadTicket, onProgress: (loaded: number, total: number) => void, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(ticket.method, ticket.url);
    for (const { name, value } of headersToSet(ticket.headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) resolve();
      else reject(new Error(xhr.responseText.trim() || `The upload was refused (HTTP ${xhr.status}).`));
    };
    xhr.onerror = () => reject(new Error("The upload did not reach the server. Check your connection and try again."));
    xhr.onabort = () => reject(new Error("The upload was stopped."));
    signal?.addEventListener("abort", () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}

const UNREACHABLE = "Herald could not be reached. Check your connection and try again.";

/**
 * Upload `file` into the workspace's library, telling `dispatch` each step; resolves with the final
 * state's asset (READY or REJECTED) or null when it failed.
 */
export async function uploadFile(
  client: Client,
  workspaceId: string,
  file: File,
  dispatch: (action: UploadAction) => void,
  signal?: AbortSignal,
): Promise<MediaAssetItemFragment | null> {
  const created = await client
    .mutation(UploadCreateMutation, {
      input: { workspaceId, filename: file.name, contentType: file.type || "application/octet-stream", byteSize: file.size },
    })
    .toPromise();
  const payload = created.data?.mediaUploadCreate;
  const refused = payload?.userErrors[0];
  if (!payload || refused || !payload.asset || !payload.uploadUrl) {
    dispatch({ type: "failed", message: refused?.message ?? UNREACHABLE, code: refused?.code ?? null });
    return null;
  }
  dispatch({ type: "created", total: file.size });
  try {
    await sendBytes(
      file,
      { url: payload.uploadUrl, method: payload.uploadMethod ?? "PUT", headers: payload.uploadHeaders },
      (loaded, total) => dispatch({ type: "progress", loaded, total }),
      signal,
    );
  } catch (error) {
    dispatch({ type: "failed", message: (error as Error).message });
    return null;
  }
  dispatch({ type: "sent" });
  const completed = await client.mutation(UploadCompleteMutation, { id: payload.asset.id }).toPromise();
  const result = completed.data?.mediaUploadComplete;
  if (result?.asset && (result.asset.status === "READY" || result.asset.status === "REJECTED")) {
    dispatch({ type: "checked", asset: result.asset });
    return result.asset;
  }
  const problem = result?.userErrors[0];
  dispatch({ type: "failed", message: problem?.message ?? UNREACHABLE, code: problem?.code ?? null });
  return null;
}
