"""Files of the bundle screens: Qt's own file dialogs, identity cards in and out.

Why non-native dialogs: the desktop's dialog records chosen files in its own
history outside anything the app controls (see ``ui/hardening.py``). The dialogs
open window-modal and call back, so tests drive the real dialog instead of a stub.
Default names carry a date and a purpose only — never a label, a pseudonym or
anything typed.
"""

from __future__ import annotations

import datetime as dt
import os
import stat
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from crypto.atomicfile import atomic_writer
from crypto.card import MAX_CARD_BYTES, IdentityCard
from crypto.errors import CardInvalid
from intake.errors import InvalidInput

BUNDLE_SUFFIX = ".tib.age"
CARD_SUFFIX = ".json"


def default_bundle_name(purpose: str, today: dt.date | None = None) -> str:
    return f"bundle-{(today or dt.date.today()).isoformat()}-{purpose}{BUNDLE_SUFFIX}"


def unused_path(folder: Path, name: str) -> Path:
    """``folder/name``, or ``name`` with ``-2``, ``-3``… before the suffix if taken."""
    path = folder / name
    stem, suffix = (name[:-len(BUNDLE_SUFFIX)], BUNDLE_SUFFIX) if name.endswith(
        BUNDLE_SUFFIX) else (Path(name).stem, Path(name).suffix)
    n = 2
    while path.exists() or path.is_symlink():
        path = folder / f"{stem}-{n}{suffix}"
        n += 1
    return path


def with_bundle_suffix(path: Path) -> Path:
    return path if path.name.endswith(BUNDLE_SUFFIX) else path.with_name(path.name
                                                                        + BUNDLE_SUFFIX)


def ask_file(parent: QWidget, title: str, name_filter: str, then: Callable[[Path], None], *,
             save: bool, start: Path | None = None) -> QFileDialog:
    """Open Qt's own file dialog (window-modal) and call ``then(path)`` once one is chosen."""
    dialog = QFileDialog(parent, title)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setOption(QFileDialog.Option.DontUseCustomDirectoryIcons, True)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave if save
                         else QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile if save
                       else QFileDialog.FileMode.ExistingFile)
    dialog.setNameFilter(name_filter)
    if start is not None:
        if save:
            dialog.setDirectory(str(start.parent))
            dialog.selectFile(start.name)
        else:
            dialog.setDirectory(str(start))
    dialog.fileSelected.connect(lambda path: then(Path(path)) if path else None)
    dialog.open()
    return dialog


def read_card(path: Path) -> IdentityCard:
    """A ``tic/1`` card from a regular file of at most ``MAX_CARD_BYTES``; InvalidInput else.

    Runs on the worker: a card is public, but a FIFO or a huge file must not hang the UI."""
    try:
        info = os.stat(path)
    except OSError:
        raise InvalidInput("card", f"{path.name}: no such file") from None
    if not stat.S_ISREG(info.st_mode):
        raise InvalidInput("card", f"{path.name}: not a regular file")
    if info.st_size > MAX_CARD_BYTES:
        raise InvalidInput("card", f"{path.name}: {info.st_size} bytes, too large for an "
                           "identity card")
    try:
        with open(path, "rb") as f:
            data = f.read(MAX_CARD_BYTES + 1)
    except OSError as exc:
        raise InvalidInput("card", f"{path.name}: cannot be read ({exc.strerror})") from None
    if not data.strip():
        raise InvalidInput("card", f"{path.name}: the file is empty")
    try:
        return IdentityCard.from_json(data)
    except CardInvalid as error:
        raise InvalidInput(path.name, str(error)) from None


def write_card(path: Path, card: IdentityCard) -> None:
    """The public card, written atomically (it holds public keys only)."""
    try:
        with atomic_writer(path, "w") as out:
            out.write(card.to_json())
    except OSError as exc:
        raise InvalidInput("file", f"{path.name}: cannot be written ({exc.strerror})") from None
