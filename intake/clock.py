"""Time in one place, so tests and the audit log agree on its form."""

from __future__ import annotations

from datetime import UTC, datetime


def utc_now() -> datetime:
    return datetime.now(UTC)


def utc_now_iso() -> str:
    """UTC to the microsecond, ``2026-11-23T19:00:00.123456Z``: sortable as text."""
    return utc_now().strftime("%Y-%m-%dT%H:%M:%S.%fZ")
