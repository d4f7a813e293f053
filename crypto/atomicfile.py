"""Atomic, durable file replacement, and best-effort shredding.

A write either lands whole or not at all: data goes to a new temporary file in
the same directory (created 0600 with ``O_EXCL``), is flushed and fsynced, and
then ``os.replace`` swaps it in; the directory is fsynced so the rename itself
survives a power cut. On any exception the temporary file is removed and the
old file is untouched. This is what keeps the key file from ever being half
written: losing it would lose the store.
"""

from __future__ import annotations

import contextlib
import io
import os
import secrets
from collections.abc import Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import BinaryIO, Literal, TextIO, overload

_SHRED_CHUNK = 1024 * 1024

StrPath = str | os.PathLike[str]


def fsync_dir(path: StrPath) -> None:
    """fsync a directory, so a rename or unlink inside it is durable (no-op where unsupported)."""
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0)
    try:
        fd = os.open(path, flags)
    except (PermissionError, IsADirectoryError):  # e.g. Windows cannot open directories
        return
    try:
        with contextlib.suppress(OSError):  # some filesystems refuse fsync on a directory
            os.fsync(fd)
    finally:
        os.close(fd)


def _create_temp(target: Path) -> tuple[int, Path]:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    flags |= getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
    while True:
        temp = target.with_name(f".{target.name}.{secrets.token_hex(8)}.tmp")
        try:
            return os.open(temp, flags, 0o600), temp
        except FileExistsError:
            continue


@overload
def atomic_writer(
    path: StrPath, mode: Literal["wb"] = "wb"
) -> AbstractContextManager[BinaryIO]: ...
@overload
def atomic_writer(path: StrPath, mode: Literal["w"]) -> AbstractContextManager[TextIO]: ...
def atomic_writer(
    path: StrPath, mode: str = "wb"
) -> AbstractContextManager[BinaryIO] | AbstractContextManager[TextIO]:
    """Stream into ``path`` atomically: ``with atomic_writer(p) as f: f.write(...)``.

    ``mode`` is ``"wb"`` (binary) or ``"w"`` (UTF-8 text, ``\\n`` line endings).
    The new file is mode 0600 whatever the old one was.
    """
    if mode not in ("wb", "w"):
        raise ValueError("atomic_writer supports mode 'wb' or 'w'")
    return _atomic_writer(Path(path), mode)  # type: ignore[return-value]


@contextlib.contextmanager
def _atomic_writer(target: Path, mode: str) -> Iterator[BinaryIO | TextIO]:
    fd, temp = _create_temp(target)
    try:
        raw = os.fdopen(fd, "wb")
    except BaseException:
        os.close(fd)
        _remove_quietly(temp)
        raise
    try:
        with raw:
            if mode == "w":
                text = io.TextIOWrapper(raw, encoding="utf-8", newline="\n")
                try:
                    yield text
                finally:
                    text.detach()  # flushes; leaves ``raw`` to the ``with``
            else:
                yield raw
            raw.flush()
            os.fsync(raw.fileno())
        os.replace(temp, target)
    except BaseException:
        _remove_quietly(temp)
        raise
    fsync_dir(target.parent)


@contextlib.contextmanager
def staged_replace(path: StrPath, data: bytes | bytearray | memoryview) -> Iterator[None]:
    """Replace ``path`` with ``data`` only if the ``with`` block succeeds.

    On entry ``data`` is written to a temporary file beside ``path`` and fsynced —
    so the disk space is taken *before* the block runs; the block then does the
    work that must go with the replacement (a database commit); on normal exit
    the temporary file is renamed over ``path``. If the block raises, the
    temporary file is removed and ``path`` is untouched. This is how a passphrase
    change keeps its promise on a full disk: either the commit and the new key
    file, or neither (measured: writing the key file first and then failing the
    commit left a store that opened only with the passphrase the user was told
    had not been set).
    """
    target = Path(path)
    fd, temp = _create_temp(target)
    try:
        with os.fdopen(fd, "wb") as raw:
            raw.write(data)
            raw.flush()
            os.fsync(raw.fileno())
        yield
        os.replace(temp, target)
    except BaseException:
        _remove_quietly(temp)
        raise
    fsync_dir(target.parent)


def _remove_quietly(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)


def atomic_write_bytes(path: StrPath, data: bytes | bytearray | memoryview) -> None:
    """Replace ``path`` with ``data`` atomically and durably."""
    with atomic_writer(path, "wb") as out:
        out.write(data)


def shred_and_unlink(path: StrPath) -> None:
    """Overwrite a file once with random bytes, fsync, then unlink it. Best effort.

    On SSDs and copy-on-write or journalling filesystems the old blocks may
    survive elsewhere (wear levelling remaps them), so overwriting proves
    nothing there. What really erases a store is destroying every key slot:
    the data is encrypted, and without the wrapped DEK it is noise. Shredding
    the key file is a second line, not the first. A missing file is not an
    error; a symlink is unlinked without touching its target.
    """
    target = Path(path)
    try:
        flags = os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
        fd = os.open(target, flags)
    except FileNotFoundError:
        return
    except OSError:
        fd = -1  # e.g. a symlink (ELOOP) or no write permission: still unlink it
    if fd >= 0:
        try:
            remaining = os.fstat(fd).st_size
            while remaining > 0:
                written = os.write(fd, secrets.token_bytes(min(remaining, _SHRED_CHUNK)))
                if written <= 0:
                    break
                remaining -= written
            os.fsync(fd)
        except OSError:
            pass  # best effort: unlinking below still matters
        finally:
            os.close(fd)
    with contextlib.suppress(FileNotFoundError):
        os.unlink(target)
    fsync_dir(target.parent)
