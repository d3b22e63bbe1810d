/**
 * A file sent straight to storage: `mediaUploadCreate` says where and with which headers, the bytes go there
 * through XMLHttpRequest (fetch reports no upload progress), then `mediaUploadComplete` has Herald check them.
 */

export interface UploadTicket {
  readonly uploadUrl: string;
  readonly uploadMethod: string | null;
  readonly uploadHeaders: readonly { readonly name: string; readonly value: string }[];
}

// The browser sets these itself (from the file) and refuses to be told them.
const BROWSER_HEADERS = new Set(["content-length", "host", "connection"]);

/** PUT `file` to the ticket's URL with exactly its headers; `onProgress` gets 0–1. Rejects with words. */
export function sendFile(ticket: UploadTicket, file: Blob, onProgress: (fraction: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(ticket.uploadMethod ?? "PUT", ticket.uploadUrl);
    for (const { name, value } of ticket.uploadHeaders) {
      if (!BROWSER_HEADERS.has(name.toLowerCase())) xhr.setRequestHeader(name, value);
    }
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve();
      } else reject(new Error(`The upload was refused (${xhr.status}): ${xhr.responseText.slice(0, 200) || xhr.statusText}`));
    };
    xhr.onerror = () => reject(new Error("The upload did not reach the storage. Check your connection and try again."));
    xhr.onabort = () => reject(new Error("The upload was stopped."));
    xhr.send(file);
  });
}
