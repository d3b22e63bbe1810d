import { useEffect } from "react";
import type { FieldErrors } from "./fieldErrors";

/** After a refused submit, move focus to the first control (in form order) that has an error. */
export function useFocusFirstError<F extends string>(errors: FieldErrors<F>, fields: readonly F[]): void {
  useEffect(() => {
    const first = fields.find((f) => errors.byField[f]?.length);
    if (first) document.getElementById(first)?.focus();
  }, [errors, fields]);
}
