/**
 * A post's `userErrors` put next to the composer's controls: every code shown with its message. The API names
 * a field by its path (`["text"]`, `["targets", "0", "accountId"]`, `["scheduledAt"]`); a target's own text
 * is the one text here.
 */

export const COMPOSER_FIELDS = ["text", "accounts", "scheduledAt"] as const;
export type ComposerField = (typeof COMPOSER_FIELDS)[number];

export interface ComposerError {
  readonly code: string;
  readonly message: string;
  readonly field?: readonly string[] | null;
}

export interface ComposerErrors {
  readonly byField: Partial<Record<ComposerField, string[]>>;
  readonly general: string[];
}

function fieldOf(path: readonly string[] | null | undefined): ComposerField | null {
  const last = path?.at(-1);
  if (last === "text") return "text";
  if (last === "scheduledAt") return "scheduledAt";
  if (last === "accountId" || last === "targets" || path?.[0] === "targets") return "accounts";
  return null;
}

export function composerErrors(errors: readonly ComposerError[]): ComposerErrors {
  const byField: Partial<Record<ComposerField, string[]>> = {};
  const general: string[] = [];
  for (const error of errors) {
    const words = `${error.message} (${error.code})`;
    const field = fieldOf(error.field);
    if (field) (byField[field] ??= []).push(words);
    else general.push(words);
  }
  return { byField, general };
}
