"""The screens the main window's menus open, each imported only when first asked for.

Why a module of its own: the window only owns locking and the menus; what each menu
item opens lives in its package (``ui/bundles``, ``ui/custody``, ``ui/backup``,
``ui/stats``, ``ui/records``). Importing them lazily keeps the window's start quick
and lets the unlock screen appear before any of them is loaded.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from ui.session import Session
from ui.workspace import Workspace


def _tr(text: str) -> str:
    return QCoreApplication.translate("Screens", text)


def export(parent: QWidget, session: Session, workspace: Workspace) -> None:
    from ui.bundles import open_export

    current = workspace.current.id if workspace.current is not None else None
    open_export(parent, session, [current] if current else [])


def import_file(parent: QWidget, session: Session, workspace: Workspace) -> None:
    from ui.bundles import open_import

    dialog = open_import(parent, session)
    dialog.imported.connect(lambda _result: workspace.refresh())


def contacts(parent: QWidget, session: Session) -> None:
    from ui.bundles import open_contacts

    open_contacts(parent, session)


def withdraw(parent: QWidget, session: Session, workspace: Workspace) -> None:
    from ui.custody.withdraw_dialog import open_withdraw_dialog

    if workspace.current is None:
        return
    dialog = open_withdraw_dialog(parent, session, workspace.current.id)
    dialog.withdrawn.connect(lambda _result: workspace.refresh())


def transfers(parent: QWidget, session: Session, workspace: Workspace) -> None:
    """The transfer ledger of the shown testimony, or of the whole store."""
    from ui.custody.transfers_view import TransfersView

    dialog = QDialog(parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setWindowTitle(_tr("Transfers"))
    view = TransfersView(session, dialog)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(view, 1)
    layout.addWidget(buttons)
    session.locked.connect(dialog.close)
    dialog.resize(860, 360)
    dialog.show()
    view.show_testimony(workspace.current.id if workspace.current is not None else None)


def consent_receipt(parent: QWidget, session: Session, workspace: Workspace) -> None:
    """The survivor's receipt on screen only (for someone who must not carry paper)."""
    from ui.records.consent_receipt_view import show_consent_receipt

    if workspace.current is not None:
        show_consent_receipt(parent, session, workspace.current.id)


def statistics(parent: QWidget, session: Session) -> None:
    from ui.stats.dashboard import open_dashboard

    # The whole store: a dashboard that silently counted only the search's filters would
    # mislead, and a filtered table beside an unfiltered one can be differenced.
    open_dashboard(parent, session)


def backup(parent: QWidget, session: Session) -> None:
    from ui.backup import open_backup

    open_backup(parent, session)


def verify_backup(parent: QWidget, session: Session) -> None:
    from ui.backup import open_verify_backup

    open_verify_backup(parent, session)


def check_store(parent: QWidget, session: Session) -> None:
    from ui.backup import open_check_store

    open_check_store(parent, session)

