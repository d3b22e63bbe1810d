/**
 * A post's `userErrors` put next to the composer's controls, every code shown with its message. The API
 * names a field by its path into `PostCreateInput`; a target's index is its account's place in the list of
 * chosen accounts, so `["targets", "0", "options", "title"]` lands on the first account's tab, under Title.
 *
 * Keys: `text`, `accounts`, `scheduledAt`, `media`, `thread.<n>` for the base form, and
 * `<accountId>:<field>` (`text`, `media`, an option's name, or `target` for the rest) for an account's tab.
 * A target that uses the base text also has its text errors shown under the base text.
 */

export interface ComposerError {
  readonly code: string;
  readonly message: string;
  readonly field?: readonly string[] | null;
}

export interface ComposerErrors {
  readonly byField: Partial<Record<string, string[]>>;
  readonly general: string[];
}

export interface TargetRef {
  readonly accountId: string;
  /** Whether the account has its own text (else the base text is what it publishes). */
  readonly ownText: boolean;
}

export function targetKey(accountId: string, field: string): string {
  return `${accountId}:${field}`;
}

function keysOf(path: readonly string[] | null | undefined, targets: readonly TargetRef[]): string[] {
  if (!path?.length) return [];
  const [head, index, child, option] = path;
  if (head === "text") return ["text"];
  if (head === "scheduledAt") return ["scheduledAt"];
  if (head === "mediaIds") return ["media"];
  if (head === "thread") return index === undefined ? ["text"] : [`thread.${index}`];
  if (head !== "targets") return [];
  if (index === undefined) return ["accounts"];
  const target = targets[Number(index)];
  if (!target || child === "accountId") return ["accounts"];
  const { accountId } = target;
  if (child === "text") return target.ownText ? [targetKey(accountId, "text")] : [targetKey(accountId, "text"), "text"];
  if (child === "mediaIds") return [targetKey(accountId, "media")];
  if (child === "options" && option) return [targetKey(accountId, option)];
  return [targetKey(accountId, "target")];
}

export function composerErrors(errors: readonly ComposerError[], targets: readonly TargetRef[] = []): ComposerErrors {
  const byField: Partial<Record<string, string[]>> = {};
  const general: string[] = [];
  for (const error of errors) {
    const words = `${error.message} (${error.code})`;
    const keys = keysOf(error.field, targets);
    for (const key of keys) (byField[key] ??= []).push(words);
    if (!keys.length) general.push(words);
  }
  return { byField, general };
}

/** Whether any error belongs to this account's tab. */
export function tabHasErrors(errors: ComposerErrors, accountId: string): number {
  return Object.entries(errors.byField)
    .filter(([key]) => key.startsWith(`${accountId}:`))
    .reduce((n, [, list]) => n + (list?.length ?? 0), 0);
}
