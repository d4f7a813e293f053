"""Strict parsing helpers shared by the key file, the stored identity and the card.

They raise ``ValueError`` with a short, safe reason; each caller turns it into
its own error type. Strictness is the point: a file that parses loosely can be
altered without anyone noticing.
"""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any, NoReturn


def _reject_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError("duplicate key in an object")
        result[key] = value
    return result


def _reject_constant(name: str) -> NoReturn:
    raise ValueError(f"{name} is not allowed")


def loads_object(data: bytes | str, max_bytes: int) -> dict[str, Any]:
    """Parse a JSON object: size-limited, UTF-8, no duplicate keys, no NaN/Infinity."""
    if len(data) > max_bytes:
        raise ValueError(f"larger than {max_bytes} bytes")
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8")
        except UnicodeDecodeError:
            raise ValueError("not UTF-8 text") from None
    try:
        value = json.loads(
            data, object_pairs_hook=_reject_duplicates, parse_constant=_reject_constant
        )
    except RecursionError:
        raise ValueError("nested too deeply") from None
    except json.JSONDecodeError as error:
        raise ValueError(f"not valid JSON (line {error.lineno}, column {error.colno})") from None
    if not isinstance(value, dict):
        raise ValueError("not a JSON object")
    return value


def exact_keys(obj: object, keys: set[str], what: str) -> dict[str, Any]:
    """``obj`` must be a dict with exactly ``keys``."""
    if not isinstance(obj, dict):
        raise ValueError(f"{what} must be an object")
    missing, extra = keys - set(obj), set(obj) - keys
    if missing:
        raise ValueError(f"{what} lacks {', '.join(sorted(missing))}")
    if extra:
        raise ValueError(f"{what} has unexpected fields")
    return obj


def string(obj: dict[str, Any], key: str, what: str) -> str:
    value = obj[key]
    if not isinstance(value, str):
        raise ValueError(f"{what}.{key} must be a string")
    return value


def b64encode(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def b64decode(text: object, length: int | None, what: str) -> bytes:
    """Standard padded base64, canonical only (re-encoding gives the same text).

    Canonical-only matters: the last character of a padded group carries
    unused bits, and accepting them would let a byte of a file change with no
    effect, which defeats tamper checks.
    """
    if not isinstance(text, str) or not text.isascii():
        raise ValueError(f"{what} must be base64 text")
    try:
        raw = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise ValueError(f"{what} is not valid base64") from None
    if b64encode(raw) != text:
        raise ValueError(f"{what} is not canonical base64")
    if length is not None and len(raw) != length:
        raise ValueError(f"{what} must be {length} bytes")
    return raw
