import { useEffect, useRef } from "react";

/**
 * A <dialog> shown modal while its component is mounted: the browser keeps focus inside it, Escape closes
 * it (its `onClose` runs), and focus goes back where it was.
 */
export function useModal() {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    element?.showModal();
    return () => element?.close();
  }, []);
  return dialog;
}
