"""Meta's Graph API errors (Facebook, Instagram, Threads) classified from their codes, never their text.

An error answer is `{"error": {"message", "type", "code", "error_subcode", "error_user_title",
"error_user_msg", "is_transient", "fbtrace_id"}}`. The tables below follow Meta's "Handling Errors" page
(Graph API), the Instagram Platform "Error Codes" reference (the 2207xxx subcodes) and the Threads
troubleshooting page (container `error_message` values).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from integrations.platforms.base import (
    AuthExpired,
    InvalidContent,
    OutcomeUnknown,
    Permanent,
    PublishFailure,
    Transient,
)

# The token is invalid, expired or revoked (190), or the session is gone (102).
TOKEN_CODES = frozenset({102, 190})
# A permission Herald asked for was not granted, or was taken back (10, 200-299).
PERMISSION_CODES = frozenset({10, *range(200, 300)})
# Throttling: app (4), user (17), page (32), per-endpoint (613) and business use case (800xx) limits.
RATE_LIMIT_CODES = frozenset({4, 17, 32, 613, 80001, 80002, 80004, 80005, 80006, 80008, 80014})
# "Unknown error" and "service temporarily unavailable": Meta asks to retry.
TRANSIENT_CODES = frozenset({1, 2})
# Meta blocked the account from posting for a while (spam or policy).
BLOCKED_CODES = frozenset({368})
# Facebook refuses a status identical to a recent one.
DUPLICATE_CODES = frozenset({506})
# Instagram's publishing limit (quota_total posts per 24 hours) is reached.
QUOTA_SUBCODES = frozenset({2207042})
# A 2207xxx subcode inside a container's `status` text (Instagram).
_SUBCODE = re.compile(r"\b(2207\d{3})\b")

# Instagram media subcodes: those worth retrying, then what a user must change for the others.
MEDIA_TRANSIENT_SUBCODES = frozenset({2207001, 2207003, 2207008, 2207020, 2207032, 2207053})
MEDIA_SUBCODES: dict[int, tuple[str, str]] = {
    2207004: ("MEDIA_TOO_LARGE", "The image is larger than Instagram accepts (8 MB); use a smaller one."),
    2207005: ("MEDIA_FORMAT_UNSUPPORTED", "Instagram accepts JPEG images only; convert the image."),
    2207009: (
        "MEDIA_ASPECT_RATIO",
        "Instagram needs images between 4:5 (portrait) and 1.91:1 (landscape); crop the image.",
    ),
    2207010: ("TEXT_TOO_LONG", "The caption is longer than Instagram's 2,200 characters; shorten it."),
    2207023: ("MEDIA_FORMAT_UNSUPPORTED", "Instagram does not know this kind of media."),
    2207026: ("MEDIA_FORMAT_UNSUPPORTED", "Instagram cannot use this video format; use MP4 (H.264, AAC)."),
    2207028: ("CAROUSEL_INVALID", "A carousel needs 2 to 10 photos or videos."),
    2207050: ("ACCOUNT_RESTRICTED", "Instagram has restricted this account; check it in the Instagram app."),
    2207051: ("ACCOUNT_RESTRICTED", "Instagram blocked this post as suspected spam."),
    2207052: (
        "MEDIA_UNREACHABLE",
        "Instagram could not download the media from Herald; PUBLIC_BASE_URL must be reachable from "
        "the internet.",
    ),
}
# Threads container `error_message` values, in words.
CONTAINER_ERRORS: dict[str, str] = {
    "FAILED_DOWNLOADING_VIDEO": "Threads could not download the video from Herald's public URL.",
    "FAILED_PROCESSING_AUDIO": "Threads could not process the video's audio.",
    "FAILED_PROCESSING_VIDEO": "Threads could not process the video.",
    "INVALID_ASPEC_RATIO": "Threads does not accept this aspect ratio.",
    "INVALID_BIT_RATE": "The video's bit rate is outside what Threads accepts.",
    "INVALID_DURATION": "The video is too long or too short for Threads.",
    "INVALID_FRAME_RATE": "The video's frame rate is outside what Threads accepts.",
    "INVALID_AUDIO_CHANNELS": "The video's audio channels are not supported by Threads.",
    "INVALID_AUDIO_CHANNEL_LAYOUT": "The video's audio channel layout is not supported by Threads.",
}


@dataclass(frozen=True, slots=True)
class GraphError:
    """One error answer of the Graph API."""

    status: int
    code: int | None = None
    subcode: int | None = None
    message: str = ""
    user_message: str | None = None
    is_transient: bool = False

    @classmethod
    def from_body(cls, status: int, body: Any) -> GraphError:
        """The error in a response body, whatever parts of it are missing."""
        error = body.get("error") if isinstance(body, dict) else None
        if not isinstance(error, dict):
            return cls(status=status)
        return cls(
            status=status,
            code=_int(error.get("code")),
            subcode=_int(error.get("error_subcode")),
            message=str(error.get("message") or ""),
            user_message=error.get("error_user_msg")
            if isinstance(error.get("error_user_msg"), str)
            else None,
            is_transient=error.get("is_transient") is True,
        )

    @property
    def reason(self) -> str:
        """The network's own words, for the end of a message."""
        return self.user_message or self.message or f"HTTP {self.status}"


def classify(error: GraphError, label: str, *, publishing: bool) -> PublishFailure | None:
    """The failure an error answer means; None for rate limits (the caller knows when to come back).

    With `publishing`, a failure that may have happened after the network published is `OutcomeUnknown`.
    """
    code, subcode = error.code, error.subcode
    if subcode in QUOTA_SUBCODES:
        return None
    # Instagram reuses throttling codes with a 2207xxx subcode (4 + 2207051 is a spam block): subcode first.
    if subcode is not None and (found := _media_failure(subcode, error, label)) is not None:
        return found
    if code in RATE_LIMIT_CODES or error.status == 429:
        return None
    if code in TOKEN_CODES:
        return AuthExpired(
            "TOKEN_EXPIRED",
            f"{label} no longer accepts this account's login (expired, revoked, or the password changed); "
            "reconnect it.",
        )
    if code in PERMISSION_CODES:
        return AuthExpired(
            "PERMISSION_MISSING",
            f"{label} refused: Herald lacks a permission it needs ({error.reason}); reconnect the account "
            "and grant every permission asked for.",
        )
    if code in TRANSIENT_CODES or error.is_transient or error.status >= 500:
        if publishing:
            return OutcomeUnknown("OUTCOME_UNKNOWN", f"{label} did not confirm the post ({error.reason}).")
        return Transient("SERVICE_UNAVAILABLE", f"{label} is having trouble ({error.reason}); retrying.")
    if code in BLOCKED_CODES:
        return Permanent("ACCOUNT_BLOCKED", f"{label} temporarily blocked this account from posting.")
    if code in DUPLICATE_CODES:
        return InvalidContent("DUPLICATE_POST", f"{label} refused the post as a duplicate of a recent one.")
    if error.status in (400, 404):
        return InvalidContent("CONTENT_REJECTED", f"{label} refused the post: {error.reason}.")
    return Permanent("REQUEST_REFUSED", f"{label} refused the request: {error.reason}.")


def _media_failure(subcode: int, error: GraphError, label: str) -> PublishFailure | None:
    if subcode in MEDIA_TRANSIENT_SUBCODES:
        return Transient("MEDIA_NOT_READY", f"{label} could not take the media this time ({error.reason}).")
    if subcode in MEDIA_SUBCODES:
        code, message = MEDIA_SUBCODES[subcode]
        failure = Permanent if code == "ACCOUNT_RESTRICTED" else InvalidContent
        return failure(code, message)
    if 2207000 <= subcode < 2208000:
        return InvalidContent("MEDIA_REJECTED", f"{label} refused the media: {error.reason}.")
    return None


def container_failure(label: str, error_message: object) -> PublishFailure:
    """A container that ended in ERROR, in words. Threads names the cause in `error_message`; Instagram
    puts the error's 2207xxx subcode in `status` (its number is the code read here, not the words)."""
    key = error_message if isinstance(error_message, str) else ""
    subcode = next((int(n) for n in _SUBCODE.findall(key)), None)
    if subcode is not None:
        found = _media_failure(subcode, GraphError(status=400, subcode=subcode, message=key), label)
        if found is not None:
            return found
    return InvalidContent(
        "MEDIA_REJECTED",
        CONTAINER_ERRORS.get(key, f"{label} could not prepare the post ({key or 'no reason given'})."),
    )


def _int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.lstrip("-").isdigit():
        return int(value)
    return None
