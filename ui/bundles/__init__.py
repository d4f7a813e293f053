"""The bundle screens: contacts and identity, export, import (DESIGN §6).

Entry points for the main window's actions; each opens its dialog window-modal,
deleted on close, and returns it:

- :func:`open_contacts` — this store's card and fingerprint; contacts, add and verify;
- :func:`open_export` — testimonies, recipients, purpose and level, refusals, then
  the bundle written on the worker with progress and Cancel;
- :func:`open_import` — choose a file, verify it, show provenance, decide about an
  unknown sender, import; ``dialog.imported`` fires when the store changed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget

if TYPE_CHECKING:
    from ui.bundles.contacts_dialog import ContactsDialog
    from ui.bundles.export_dialog import ExportDialog
    from ui.bundles.import_dialog import ImportDialog
    from ui.session import Session


def _show(dialog: QDialog) -> None:
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()


def open_contacts(parent: QWidget | None, session: Session) -> ContactsDialog:
    from ui.bundles.contacts_dialog import ContactsDialog

    dialog = ContactsDialog(session, parent)
    _show(dialog)
    return dialog


def open_export(parent: QWidget | None, session: Session,
                preselected_ids: Sequence[str] = ()) -> ExportDialog:
    from ui.bundles.export_dialog import ExportDialog

    dialog = ExportDialog(session, parent, preselected=preselected_ids)
    _show(dialog)
    return dialog


def open_import(parent: QWidget | None, session: Session) -> ImportDialog:
    from ui.bundles.import_dialog import ImportDialog

    dialog = ImportDialog(session, parent)
    _show(dialog)
    return dialog
