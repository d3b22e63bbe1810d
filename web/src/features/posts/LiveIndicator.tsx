import type { Connection } from "../../graphql/connection";
import styles from "./Posts.module.css";

const WORDS: Record<Connection, string> = {
  connecting: "Connecting…",
  live: "Live",
  reconnecting: "Reconnecting… (changes are caught up on return)",
};

/** Whether statuses update by themselves right now, in words. */
export function LiveIndicator({ connection }: { connection: Connection }) {
  return (
    <p className={styles.live} data-connection={connection} role="status">
      <span aria-hidden="true">{connection === "live" ? "●" : "○"}</span> {WORDS[connection]}
    </p>
  );
}
