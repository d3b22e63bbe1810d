import styles from "./Badge.module.css";

export type BadgeTone = "good" | "warning" | "bad" | "busy" | "neutral";

/** A status in words with an icon; the colour repeats what they say. */
export function Badge({ label, icon, tone }: { label: string; icon: string; tone: BadgeTone }) {
  return (
    <span className={`${styles.badge} ${styles[tone]}`} data-status={label}>
      <span aria-hidden="true" className={styles.icon}>
        {icon}
      </span>
      {label}
    </span>
  );
}
