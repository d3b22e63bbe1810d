import { type ReactNode, useId } from "react";
import { useModal } from "./useModal";
import { FormAlert } from "./Field";
import styles from "./ConfirmDialog.module.css";

interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  busyLabel: string;
  busy: boolean;
  problem: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * A modal <dialog> that asks before something cannot be undone: the browser keeps focus inside it, Escape
 * cancels, focus goes back where it was; Cancel has the focus first.
 */
export function ConfirmDialog({ title, children, confirmLabel, busyLabel, busy, problem, onConfirm, onCancel }: ConfirmDialogProps) {
  const dialog = useModal();
  const id = useId();
  return (
    <dialog ref={dialog} className={styles.dialog} aria-labelledby={`${id}-title`} aria-describedby={`${id}-text`} onClose={onCancel}>
      <h2 id={`${id}-title`}>{title}</h2>
      <div id={`${id}-text`}>{children}</div>
      {problem && <FormAlert messages={[problem]} />}
      <div className={styles.actions}>
        <button type="button" className="secondary" autoFocus onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className={styles.danger} disabled={busy} onClick={onConfirm}>
          {busy ? busyLabel : confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
