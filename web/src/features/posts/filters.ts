/** The Posts page's filters, as they live in the URL (?status=FAILED&network=BLUESKY&account=…). */

import type { Platform, PostStatus } from "../../gql/graphql";
import { NETWORK_NAMES } from "../accounts/networks";
import { POST_STATUSES } from "./status";

export interface PostFilters {
  readonly status: PostStatus | null;
  readonly network: Platform | null;
  readonly accountId: string | null;
}

interface PostLike {
  readonly status: PostStatus;
  readonly targets: readonly { readonly platform: Platform; readonly account: { readonly id: string } }[];
}

/** The filters a URL asks for; a value the console does not know is no filter. */
export function readFilters(params: URLSearchParams): PostFilters {
  const status = params.get("status");
  const network = params.get("network");
  return {
    status: POST_STATUSES.find((s) => s === status) ?? null,
    network: network && network in NETWORK_NAMES ? (network as Platform) : null,
    accountId: params.get("account") || null,
  };
}

export function writeFilters(filters: PostFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.status) params.set("status", filters.status);
  if (filters.network) params.set("network", filters.network);
  if (filters.accountId) params.set("account", filters.accountId);
  return params;
}

/**
 * Whether a post passes the filters: its status, and a target on the network or account asked for. The API
 * filters by status only, so network and account are applied to the pages loaded so far.
 */
export function matchesFilters(post: PostLike, filters: PostFilters): boolean {
  if (filters.status && post.status !== filters.status) return false;
  if (filters.network && !post.targets.some((t) => t.platform === filters.network)) return false;
  if (filters.accountId && !post.targets.some((t) => t.account.id === filters.accountId)) return false;
  return true;
}
