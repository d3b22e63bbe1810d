"""Expected failures are data: use cases return them as `UserError`s that the schema turns into
each payload's typed `userErrors`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class UserError:
    """One thing the caller must fix. `code` matches a member of the mutation's error-code enum."""

    code: str
    message: str
    field: tuple[str, ...] = ()


class Rejected(Exception):
    """Raised inside a use case to stop with these errors; nothing has been written yet."""

    def __init__(self, errors: Sequence[UserError]) -> None:
        super().__init__("; ".join(error.message for error in errors))
        self.errors = list(errors)


def reject(code: str, message: str, *field: str) -> Rejected:
    """A `Rejected` carrying one error."""
    return Rejected([UserError(code, message, tuple(field))])


def not_found(what: str, *field: str) -> Rejected:
    """The answer for a missing object and for one in a workspace the caller cannot see alike."""
    return reject(f"{what.upper().replace(' ', '_')}_NOT_FOUND", f"No {what} with this id.", *field)
