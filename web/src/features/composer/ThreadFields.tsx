/** Further parts of the post, for the chosen networks that publish threads (the API's thread is the post's). */

import type { ComposerErrors } from "./composerErrors";
import { Counters } from "./Counters";
import type { Draft } from "./draft";
import { FieldErrors } from "./FieldErrors";
import type { Rules } from "./NetworkPanel";
import formStyles from "../../ui/Form.module.css";
import styles from "./Composer.module.css";

interface ThreadFieldsProps {
  id: string;
  draft: Draft;
  threadRules: Rules[];
  errors: ComposerErrors;
  change: (next: (d: Draft) => Draft) => void;
}

export function ThreadFields({ id, draft, threadRules, errors, change }: ThreadFieldsProps) {
  const maxThreadPosts = Math.min(...threadRules.map((r) => r.maxThreadPosts ?? Infinity));
  const describe = (field: string) => (errors.byField[field] ? `${id}-${field}-error` : undefined);
  return (
    <fieldset className={styles.fieldset}>
      <legend>Thread ({threadRules.map((r) => r.label).join(", ")})</legend>
      <p className={styles.hint}>
        Further posts, published as replies to the first one
        {Number.isFinite(maxThreadPosts) ? `; up to ${maxThreadPosts} posts in all` : ""}. Other networks publish the first post only.
      </p>
      <ol className={styles.thread}>
        {draft.thread.map((part, index) => (
          <li key={index} className={formStyles.field}>
            <label htmlFor={`${id}-thread-${index}`}>Part {index + 2}</label>
            <textarea
              id={`${id}-thread-${index}`}
              rows={3}
              className={styles.text}
              value={part.text}
              onChange={(e) => {
                const text = e.target.value;
                change((d) => ({ ...d, thread: d.thread.map((p, i) => (i === index ? { text } : p)) }));
              }}
              aria-invalid={errors.byField[`thread.${index}`] ? true : undefined}
              aria-describedby={describe(`thread.${index}`)}
            />
            {threadRules.map((r) => (
              <Counters key={r.platform} rules={r.text} text={part.text} label={`${r.label} counter, part ${index + 2}`} />
            ))}
            <FieldErrors id={`${id}-thread.${index}-error`} messages={errors.byField[`thread.${index}`]} />
            <button
              type="button"
              className={styles.small}
              onClick={() => change((d) => ({ ...d, thread: d.thread.filter((_, i) => i !== index) }))}
            >
              Remove part {index + 2}
            </button>
          </li>
        ))}
      </ol>
      {draft.thread.length + 1 < maxThreadPosts && (
        <button type="button" className={styles.secondary} onClick={() => change((d) => ({ ...d, thread: [...d.thread, { text: "" }] }))}>
          Add a thread part
        </button>
      )}
    </fieldset>
  );
}
