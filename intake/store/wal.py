"""Finding damage in ``store.db-wal`` before SQLite silently drops what follows it.

After a crash the write-ahead log still holds committed transactions not yet
copied into ``store.db``. SQLite replays it frame by frame and stops at the
first frame whose checksum fails — the right thing for a write torn by a power
cut, but a flipped byte in the *middle* of the log (a failing USB stick) makes
it drop every later committed transaction without a word (measured: ten saved
testimonies became three). The log is in clear framing around encrypted pages,
so it can be checked without the key: each frame's checksum is verified from the
previous frame's *stored* checksum, so frames after a damaged one can still be
recognised as intact. A damaged frame followed by intact commits is damage, not
a torn write, and :mod:`intake.store.database` keeps a copy of the log (still
ciphertext) before SQLite discards it; ``check`` reports that copy until someone
deals with it.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

_MAGIC = (0x377F0682, 0x377F0683)
_HEADER = 32
_FRAME_HEADER = 24
_MASK = 0xFFFFFFFF
DAMAGED_SUFFIX = ".damaged-"


@dataclass(frozen=True)
class WalDamage:
    """Where the log breaks, and how many committed transactions lie beyond the break."""

    frame: int  # 1-based; 0 means the log's own header
    frames: int
    commits_lost: int

    def describe(self) -> str:
        where = "its header" if self.frame == 0 else f"frame {self.frame} of {self.frames}"
        return (f"store.db-wal is damaged at {where}: {self.commits_lost} saved "
                f"transaction(s) after it could not be applied")


def _checksum(data: bytes, s0: int, s1: int, big_endian: bool) -> tuple[int, int]:
    words = struct.unpack(("<", ">")[big_endian] + f"{len(data) // 4}I", data)
    it = iter(words)
    for a in it:
        b = next(it)
        s0 = (s0 + a + s1) & _MASK
        s1 = (s1 + b + s0) & _MASK
    return s0, s1


def inspect(path: Path) -> WalDamage | None:
    """None if the log is intact or merely ends in a torn write; else where it is damaged."""
    try:
        with path.open("rb") as f:
            head = f.read(_HEADER)
            if len(head) < _HEADER:
                return None
            magic, _version, page_size, _seq, salt1, salt2, c1, c2 = struct.unpack(">8I", head)
            if magic not in _MAGIC or page_size < 512 or page_size > 65536 \
                    or page_size & (page_size - 1):
                return None  # not a log SQLite would use either; nothing is lost to it
            big = bool(magic & 1)
            header_ok = _checksum(head[:24], 0, 0, big) == (c1, c2)
            if not header_ok:  # SQLite ignores the whole log; its frames say which salts
                first = f.read(_FRAME_HEADER)
                if len(first) == _FRAME_HEADER:
                    salt1, salt2 = struct.unpack(">2I", first[8:16])
                f.seek(_HEADER)
            seed = (c1, c2)
            frames, first_bad, commits_after_bad = 0, None if header_ok else 0, 0
            while True:
                fh = f.read(_FRAME_HEADER)
                page = f.read(page_size)
                if len(fh) < _FRAME_HEADER or len(page) < page_size:
                    break
                _pgno, commit, fs1, fs2, f1, f2 = struct.unpack(">6I", fh)
                if (fs1, fs2) != (salt1, salt2):
                    break  # a frame of an earlier generation: the log ends here
                frames += 1
                s = _checksum(fh[:8], *seed, big)
                s = _checksum(page, *s, big)
                if s != (f1, f2):
                    if first_bad is None:
                        first_bad = frames
                elif first_bad is not None and commit:
                    commits_after_bad += 1
                seed = (f1, f2)
    except OSError:
        return None
    if first_bad is None or commits_after_bad == 0:
        return None
    return WalDamage(first_bad, frames, commits_after_bad)


def damaged_copies(db: Path) -> list[Path]:
    """Logs kept by earlier opens because they were damaged (newest last)."""
    return sorted(db.parent.glob(f"{db.name}-wal{DAMAGED_SUFFIX}*"))
