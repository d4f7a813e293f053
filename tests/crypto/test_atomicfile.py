from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from crypto.atomicfile import atomic_write_bytes, atomic_writer, fsync_dir, shred_and_unlink


class Boom(Exception):
    pass


def test_atomic_write_creates_0600_file(tmp_path: Path) -> None:
    target = tmp_path / "keys"
    atomic_write_bytes(target, b"hello")
    assert target.read_bytes() == b"hello"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert os.listdir(tmp_path) == ["keys"]


def test_replaces_existing_file_and_tightens_mode(tmp_path: Path) -> None:
    target = tmp_path / "keys"
    target.write_bytes(b"old")
    target.chmod(0o644)
    atomic_write_bytes(target, bytearray(b"new"))
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_writer_raising_midway_leaves_old_file_and_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "keys"
    target.write_bytes(b"precious old content")
    with pytest.raises(Boom), atomic_writer(target) as out:
        out.write(b"half of the new")
        out.flush()
        assert len(os.listdir(tmp_path)) == 2  # the temp file exists while writing
        raise Boom
    assert target.read_bytes() == b"precious old content"
    assert os.listdir(tmp_path) == ["keys"]


def test_failure_with_no_previous_file_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "fresh"
    with pytest.raises(KeyboardInterrupt), atomic_writer(target) as out:
        out.write(b"x" * 100_000)
        raise KeyboardInterrupt
    assert os.listdir(tmp_path) == []


def test_streaming_binary_and_text(tmp_path: Path) -> None:
    target = tmp_path / "stream"
    with atomic_writer(target, "wb") as out:
        for _ in range(100):
            out.write(b"0123456789" * 1000)
    assert target.stat().st_size == 1_000_000
    text_target = tmp_path / "card.json"
    with atomic_writer(text_target, "w") as text:
        text.write("단둥에서\n")
    assert text_target.read_bytes() == "단둥에서\n".encode()
    assert sorted(os.listdir(tmp_path)) == ["card.json", "stream"]


def test_rejects_other_modes(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        atomic_writer(tmp_path / "x", "ab")  # type: ignore[call-overload]


def test_missing_directory_raises_and_creates_nothing(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        atomic_write_bytes(tmp_path / "no" / "such" / "keys", b"x")


def test_fsync_dir(tmp_path: Path) -> None:
    fsync_dir(tmp_path)


def test_shred_overwrites_then_unlinks(tmp_path: Path) -> None:
    target = tmp_path / "keys"
    original = b"SECRET" * 50_000
    target.write_bytes(original)
    # Keep a handle to the inode, to see what was on disk just before unlinking.
    with open(target, "rb") as handle:
        shred_and_unlink(target)
        assert not target.exists()
        remains = handle.read()
    assert len(remains) == len(original)
    assert b"SECRET" not in remains


def test_shred_missing_file_is_a_no_op(tmp_path: Path) -> None:
    shred_and_unlink(tmp_path / "never-existed")


def test_shred_symlink_removes_link_not_target(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere"
    target.write_bytes(b"keep me")
    link = tmp_path / "keys"
    link.symlink_to(target)
    shred_and_unlink(link)
    assert not link.is_symlink()
    assert target.read_bytes() == b"keep me"


def test_text_mode_failure_leaves_old_file(tmp_path: Path) -> None:
    target = tmp_path / "card.json"
    target.write_text("old")
    with pytest.raises(Boom), atomic_writer(target, "w") as text:
        text.write("new " * 10_000)
        raise Boom
    assert target.read_text() == "old"
    assert os.listdir(tmp_path) == ["card.json"]
