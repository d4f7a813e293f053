"""One error hierarchy for everything a user can run into.

The CLI and the UI each catch :class:`IntakeError` in exactly one place and show
``str(error)`` as a one-line message. Messages therefore never carry testimony
text, passphrases or key material: only field names, ids, file names and reasons.
"""

from __future__ import annotations


class IntakeError(Exception):
    """Base of every failure a user can cause or meet; its text is safe to show."""


class WrongPassphrase(IntakeError):
    """The passphrase or recovery key does not open any key slot."""


class StoreNotFound(IntakeError):
    """No store exists at the given location."""


class StoreExists(IntakeError):
    """A store already exists where a new one was to be created."""


class StoreDamaged(IntakeError):
    """The store's files are damaged or were altered outside the application."""


class StoreLocked(IntakeError):
    """The store was locked; unlock it again to go on."""


class NotFound(IntakeError):
    """A testimony, attachment or contact with the given id does not exist."""


class InvalidInput(IntakeError):
    """Input that does not follow the rules; names the field and the reason."""

    def __init__(self, field: str, reason: str) -> None:
        self.field = field
        self.reason = reason
        super().__init__(f"{field}: {reason}" if field else reason)


class ConsentRefused(IntakeError):
    """An action the survivor's consent does not cover."""


class BundleRejected(IntakeError):
    """A bundle, notice or receipt failed a check; the reason says which."""


class Cancelled(IntakeError):
    """The user cancelled a long operation; nothing was changed."""
