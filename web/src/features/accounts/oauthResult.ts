/** What `/oauth/result?...` says: Herald's callback redirects there with the outcome in the query. */

import { networkName } from "./networks";

export type OAuthResult =
  | { kind: "connected"; network: string; count: number }
  | { kind: "error"; network: string; code: string; message: string };

/** Messages for codes whose server message may be missing (an old link, a hand-edited URL). */
const FALLBACK_MESSAGES: Record<string, string> = {
  BROWSER_MISMATCH: "The connection was started in another browser. Start it again from this one.",
};

/**
 * `?platform=THREADS&status=connected&connected=2` or `?platform=THREADS&status=error&error=CODE&message=..`
 * (see `app/oauth_routes.py`). Anything else is an error with code UNKNOWN, never a success.
 */
export function parseOAuthResult(search: string | URLSearchParams): OAuthResult {
  const query = typeof search === "string" ? new URLSearchParams(search) : search;
  const network = networkName(query.get("platform"));
  if (query.get("status") === "connected") {
    const count = Number.parseInt(query.get("connected") ?? "", 10);
    return { kind: "connected", network, count: Number.isFinite(count) && count >= 0 ? count : 0 };
  }
  const code = query.get("error") || "UNKNOWN";
  const message =
    query.get("message")?.trim() || FALLBACK_MESSAGES[code] || "The connection did not complete. Try again.";
  return { kind: "error", network, code, message };
}

/** The heading for a result: names the network and says what happened. */
export function oauthResultTitle(result: OAuthResult): string {
  if (result.kind === "error") return `${result.network} was not connected`;
  if (result.count === 0) return `${result.network}: no account was connected`;
  return `${result.network} connected: ${result.count} account${result.count === 1 ? "" : "s"}`;
}
