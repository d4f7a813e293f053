"""Errors of backup and restore; both are :class:`IntakeError`, so the CLI and UI show one line."""

from __future__ import annotations

from intake.errors import IntakeError


class BackupFailed(IntakeError):
    """A backup could not be made; nothing was written at the output path."""


class BackupRejected(IntakeError):
    """A backup file failed a check (altered, truncated, wrong store); nothing was restored."""
