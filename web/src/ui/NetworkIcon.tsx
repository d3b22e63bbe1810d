import type { Platform } from "../gql/graphql";
import { NETWORK_NAMES } from "../features/accounts/networks";
import styles from "./NetworkIcon.module.css";

/** A network's initial on its colour; decorative, so the network's name must be written beside it. */
export function NetworkIcon({ platform, size = "medium" }: { platform: Platform; size?: "small" | "medium" }) {
  return (
    <span className={`${styles.icon} ${styles[size]}`} data-network={platform} aria-hidden="true">
      {NETWORK_NAMES[platform].charAt(0)}
    </span>
  );
}
