/** A text measured against one network's limits, as that network counts (see textMeasure.ts). */

import { measure, type TextRules } from "./textMeasure";
import styles from "./Composer.module.css";

export function Counters({ rules, text, label, id }: { rules: TextRules; text: string; label: string; id?: string }) {
  const measures = measure(rules, text);
  const over = measures.filter((m) => m.value > m.max);
  return (
    <p className={styles.counters} id={id} data-counter={label} data-over={over.length ? "" : undefined}>
      <span className={styles.counterName}>{label}</span>
      {measures.map((m) => (
        <span key={m.kind} className={styles.counter} data-over={m.value > m.max || undefined} data-kind={m.kind}>
          {m.value.toLocaleString()} / {m.max.toLocaleString()} {m.label}
          {m.value > m.max && <strong> — over by {(m.value - m.max).toLocaleString()}</strong>}
        </span>
      ))}
    </p>
  );
}

/** The short form a tab shows: the length against the limit. */
export function shortCount(rules: TextRules, text: string): { text: string; over: boolean } {
  const measures = measure(rules, text);
  const [length] = measures;
  return { text: `${length?.value ?? 0}/${length?.max ?? 0}`, over: measures.some((m) => m.value > m.max) };
}
