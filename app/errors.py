"""The errors every layer may raise, each with a message for the user and the CLI's exit code.

Services raise these with a plain Norwegian message (already translated); the GUI shows the message,
the CLI prints it and exits with `exit_code`. Nothing else is ever shown to a user.
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_DATA_PROBLEM = 1
EXIT_CANNOT_RUN = 2


class DugnadError(Exception):
    """A problem the user can understand and act on."""

    exit_code = EXIT_CANNOT_RUN

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class DatabaseProblem(DugnadError):
    """The database file cannot be used: missing, foreign, read-only, newer, locked."""


class NotFound(DugnadError):
    """An ID or name given by the user matches no record."""


class Cancelled(DugnadError):
    """The user stopped long work; the transaction was rolled back, nothing was changed."""


class ValidationFailed(DugnadError):
    """Input broke a rule. `errors` maps each field to its message, for forms and CLI alike."""

    exit_code = EXIT_CANNOT_RUN

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("\n".join(errors.values()))
        self.errors = errors
