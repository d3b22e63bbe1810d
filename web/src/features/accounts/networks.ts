/** The networks and account states as the console names them: words first, colour only as a second signal. */

import type { Platform, SocialAccountStatus } from "../../gql/graphql";

export const NETWORK_NAMES: Record<Platform, string> = {
  BLUESKY: "Bluesky",
  THREADS: "Threads",
  INSTAGRAM: "Instagram",
  FACEBOOK: "Facebook",
  REDDIT: "Reddit",
};

/** The networks connected through their own consent page (`oauthStart`); Bluesky uses an app password. */
export const OAUTH_NETWORKS = ["THREADS", "INSTAGRAM", "FACEBOOK", "REDDIT"] as const satisfies readonly Platform[];
export type OAuthNetwork = (typeof OAUTH_NETWORKS)[number];

/** "Bluesky" for BLUESKY; a value the console does not know yet (a newer server) is shown title-cased. */
export function networkName(platform: string | null | undefined): string {
  if (!platform) return "The network";
  const upper = platform.toUpperCase();
  if (upper in NETWORK_NAMES) return NETWORK_NAMES[upper as Platform];
  return upper.charAt(0) + upper.slice(1).toLowerCase();
}

export function isOAuthNetwork(platform: string): platform is OAuthNetwork {
  return (OAUTH_NETWORKS as readonly string[]).includes(platform);
}

export type Tone = "good" | "warning" | "neutral";

export interface StatusBadge {
  label: string;
  tone: Tone;
}

const STATUS_BADGES: Record<SocialAccountStatus, StatusBadge> = {
  ACTIVE: { label: "Connected", tone: "good" },
  NEEDS_REAUTH: { label: "Needs reconnecting", tone: "warning" },
  DISCONNECTED: { label: "Disconnected", tone: "neutral" },
};

export function statusBadge(status: SocialAccountStatus): StatusBadge {
  return STATUS_BADGES[status];
}

/** The message for an `oauthStart` refusal; NOT_CONFIGURED names who can fix it. */
export function oauthStartMessage(code: string, platform: Platform, serverMessage: string): string {
  if (code === "NOT_CONFIGURED") return `Ask your admin to configure ${networkName(platform)}`;
  return serverMessage;
}

/** How a network writes an account's name: @alice on Bluesky, Threads and Instagram, u/alice on Reddit, a
 * Facebook Page by its name. */
export function accountHandle(platform: Platform, handle: string): string {
  const bare = handle.replace(/^@|^u\//, "");
  if (platform === "REDDIT") return `u/${bare}`;
  if (platform === "FACEBOOK") return bare;
  return `@${bare}`;
}
