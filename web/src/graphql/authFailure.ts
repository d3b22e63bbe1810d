/** How the API says "this token is no longer valid": HTTP 401, or the websocket closed with 4403. */

/** graphql-transport-ws close code for a `connection_init` the server refused (Herald: bad token). */
export const FORBIDDEN_CLOSE_CODE = 4403;

export const SESSION_ENDED = "Your session has expired or was ended. Log in again to continue.";

export function isAuthFailureStatus(status: number): boolean {
  return status === 401;
}

/** True for a websocket close event (or anything shaped like one) with code 4403. */
export function isAuthFailureClose(event: unknown): boolean {
  return (
    typeof event === "object" &&
    event !== null &&
    "code" in event &&
    (event as { code: unknown }).code === FORBIDDEN_CLOSE_CODE
  );
}

/**
 * `fetchImpl` that sends `Authorization: Bearer <token>` when there is a token and calls
 * `onAuthFailure` when the answer is a 401 to a request that carried one.
 */
export function authenticatedFetch(
  fetchImpl: typeof fetch,
  getToken: () => string | null,
  onAuthFailure: () => void,
): typeof fetch {
  return async (input, init) => {
    const token = getToken();
    const headers = new Headers(init?.headers);
    if (token) headers.set("authorization", `Bearer ${token}`);
    const response = await fetchImpl(input, { ...init, headers });
    if (token && isAuthFailureStatus(response.status)) onAuthFailure();
    return response;
  };
}
