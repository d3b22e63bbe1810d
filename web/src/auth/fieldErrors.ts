/** Putting a mutation's `userErrors` next to the form control each one names. */

export interface UserErrorLike {
  readonly field?: readonly string[] | null;
  readonly message: string;
}

export interface FieldErrors<F extends string> {
  /** Messages for each control of the form, by the input field they name. */
  readonly byField: Partial<Record<F, string[]>>;
  /** Messages that name no field of this form: shown above it. */
  readonly general: string[];
}

/**
 * Sort `errors` by the form field they name. A `field` path names the input field by its last segment
 * (`["email"]`, or `["input", "email"]`); one naming no field of `fields` is general.
 */
export function errorsByField<F extends string>(
  errors: readonly UserErrorLike[],
  fields: readonly F[],
): FieldErrors<F> {
  const byField: Partial<Record<F, string[]>> = {};
  const general: string[] = [];
  for (const error of errors) {
    const last = error.field?.at(-1);
    const field = fields.find((f) => f === last);
    if (field === undefined) {
      general.push(error.message);
    } else {
      (byField[field] ??= []).push(error.message);
    }
  }
  return { byField, general };
}
