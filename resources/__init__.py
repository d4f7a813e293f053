"""Data files shipped with the application: vocabularies, translations, fonts, icons."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent


def path(*parts: str) -> Path:
    """Absolute path of a shipped resource, e.g. ``path("vocabularies", "event_types.json")``."""
    return ROOT.joinpath(*parts)
