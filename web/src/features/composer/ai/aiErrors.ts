/**
 * What the AI mutations' `userErrors` say, in words for the person writing: the model's own refusals get
 * Herald's sentence (the server's message is written for any caller), the input errors keep the server's
 * message. The code follows in brackets for a support request, never alone.
 */

export interface AiError {
  readonly code: string;
  readonly message: string;
}

const AI_WORDS: Record<string, string> = {
  AI_NOT_CONFIGURED: "AI writing help is not set up on this Herald. An operator can turn it on with a Gemini API key.",
  AI_QUOTA_EXCEEDED: "The AI quota is used up for now. Try again later, or write this one yourself.",
  AI_BLOCKED: "The model declined to write this (a safety filter). Reword the brief or the text and try again.",
  AI_EMPTY: "The model gave no text this time. Try again, perhaps with a longer brief.",
  AI_UNAVAILABLE: "The AI service did not answer. Try again in a minute.",
};

const UNREACHABLE = "Herald could not be reached. Check your connection and try again.";

export function aiErrorText(error: AiError): string {
  const words = AI_WORDS[error.code] ?? (error.message.trim() || "The request was refused.");
  return `${words} (${error.code})`;
}

/** The sentence for a payload's errors, or for no payload at all (the request did not get through). */
export function aiErrorsText(errors: readonly AiError[] | undefined): string | null {
  if (errors === undefined) return UNREACHABLE;
  return errors.length ? errors.map(aiErrorText).join(" ") : null;
}

export function aiNotConfigured(errors: readonly AiError[] | undefined): boolean {
  return Boolean(errors?.some((e) => e.code === "AI_NOT_CONFIGURED"));
}
