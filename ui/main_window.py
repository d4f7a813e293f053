"""The main window: the unlock screen or the workspace, menus, status bar, locking.

Everything about locking meets here: Ctrl+L, the panic keys, the idle timer and
closing the window all end in :meth:`lock`, which keeps the editor's state as
an encrypted draft, closes the store on the worker (wiping its key), clears
every widget and the clipboard, and shows the unlock screen.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QStackedWidget, QToolBar, QWidget

import resources
from ui import screens
from ui.clipboard import SecureClipboard
from ui.locking import LOCK_KEYS, PANIC_KEYS, ActivityFilter, close_dialogs, hide_all_windows
from ui.session import Session, StoreInfo
from ui.settings import AppSettings
from ui.unlock import Throttle, UnlockPage
from ui.workspace import Workspace


class MainWindow(QMainWindow):
    closed = Signal()

    def __init__(self, session: Session, settings: AppSettings, *,
                 clipboard: SecureClipboard | None = None,
                 activity: ActivityFilter | None = None,
                 throttle: Throttle | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.settings = settings
        self.clipboard = clipboard or SecureClipboard(self, clear_ms=settings.clipboard_clear_ms)
        self.activity = activity or ActivityFilter(self, timeout_ms=settings.idle_lock_ms)
        self.setWindowTitle(self.tr("Testimony Intake"))
        self.setWindowIcon(QIcon(str(resources.path("icons", "app.svg"))))

        self.unlock_page = UnlockPage(session, throttle=throttle)
        self.workspace = Workspace(session)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.unlock_page)
        self.stack.addWidget(self.workspace)
        self.setCentralWidget(self.stack)
        self._build_actions()
        self.store_label = QLabel()
        self.store_label.setTextFormat(Qt.TextFormat.PlainText)
        self.statusBar().addPermanentWidget(self.store_label)

        session.unlocked.connect(self._on_unlocked)
        session.locked.connect(self._on_locked)
        self._connect_workspace(self.workspace)
        self.activity.idle.connect(self.lock)
        self.activity.lockPressed.connect(self.lock)
        self.activity.panicPressed.connect(self.panic)
        self._update_actions()
        self.resize(1280, 720)  # fits a 1366×768 laptop; the list shows all its columns
        if session.is_unlocked and session.info is not None:
            self._on_unlocked(session.info)

    def _build_actions(self) -> None:
        def action(text: str, slot: object, keys: QKeySequence | str | None = None,
                   icon: str | None = None) -> QAction:
            act = QAction(text, self)
            if keys is not None:
                act.setShortcut(QKeySequence(keys))
            if icon is not None:
                act.setIcon(QIcon.fromTheme(icon))
            act.triggered.connect(slot)
            return act

        self.new_action = action(self.tr("&New testimony"), self.workspace.new_testimony,
                                 QKeySequence.StandardKey.New, "document-new")
        self.save_action = action(self.tr("&Save"), self.workspace.save_current,
                                  QKeySequence.StandardKey.Save, "document-save")
        self.revisions_action = action(self.tr("Revision &history…"),
                                       self.workspace.show_revisions)
        self.review_action = action(self.tr("Review &redactions…"),
                                    self.workspace.review_redactions, "Ctrl+Shift+R")
        # The lock keys are caught by ActivityFilter (they must work over modal dialogs),
        # so the menu only shows them, after a tab, without owning a shortcut.
        self.lock_action = action(self.tr("&Lock") + "\t" + LOCK_KEYS, self.lock,
                                  icon="system-lock-screen")
        self.panic_action = action(self.tr("Lock and &hide") + "\t" + PANIC_KEYS, self.panic)
        self.receipt_action = action(self.tr("&Consent receipt…"), self._open(
            screens.consent_receipt, self.session, self.workspace))
        self.withdraw_action = action(self.tr("&Withdraw consent…"), self._open(
            screens.withdraw, self.session, self.workspace))
        self.transfers_action = action(self.tr("&Transfers…"), self._open(
            screens.transfers, self.session, self.workspace))
        self.export_action = action(self.tr("&Export…"), self._open(
            screens.export, self.session, self.workspace), "Ctrl+E", "document-send")
        self.import_action = action(self.tr("&Import…"), self._open(
            screens.import_file, self.session, self.workspace), "Ctrl+I", "document-open")
        self.contacts_action = action(self.tr("&Contacts…"), self._open(
            screens.contacts, self.session))
        self.backup_action = action(self.tr("&Back up the store…"), self._open(
            screens.backup, self.session))
        self.verify_backup_action = action(self.tr("&Verify a backup…"), self._open(
            screens.verify_backup, self.session))
        self.check_action = action(self.tr("C&heck the store…"), self._open(
            screens.check_store, self.session))
        self.find_action = action(self.tr("&Find…"), self.workspace.find,
                                  QKeySequence.StandardKey.Find, "edit-find")
        self.stats_action = action(self.tr("S&tatistics…"), self._open(
            screens.statistics, self.session))
        self.settings_action = action(self.tr("S&ettings…"), self.open_settings,
                                      QKeySequence.StandardKey.Preferences, "preferences-system")
        self.quit_action = action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit,
                                  "application-exit")
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        menus = (
            (self.tr("&File"), (
                self.new_action, self.save_action, None, self.import_action,
                self.export_action, self.contacts_action, None, self.backup_action,
                self.verify_backup_action, self.check_action, None, self.lock_action,
                self.panic_action, None, self.settings_action, None, self.quit_action)),
            (self.tr("&Testimony"), (
                self.revisions_action, self.review_action, None, self.receipt_action,
                self.withdraw_action, self.transfers_action)),
            (self.tr("&Search"), (self.find_action, self.stats_action)),
        )
        for title, items in menus:
            menu = self.menuBar().addMenu(title)
            for act in items:
                if act is None:
                    menu.addSeparator()
                else:
                    menu.addAction(act)
        bar = QToolBar(self.tr("Main toolbar"))
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar_lock = QAction(self.tr("Lock"), self)
        self.toolbar_lock.setToolTip(self.tr("Lock the store ({0})").format(LOCK_KEYS))
        self.toolbar_lock.setIcon(QIcon(str(resources.path("icons", "lock.svg"))))
        self.toolbar_lock.triggered.connect(self.lock)
        # Toolbar twins without mnemonics: Korean "(&N)" would show as a literal "(N)".
        self.toolbar_new = QAction(self.tr("New testimony"), self)
        self.toolbar_new.triggered.connect(self.new_action.trigger)
        self.toolbar_save = QAction(self.tr("Save"), self)
        self.toolbar_save.triggered.connect(self.save_action.trigger)
        self.toolbar_review = QAction(self.tr("Review redactions"), self)
        self.toolbar_review.setToolTip(self.tr("Decide what a redacted export hides "
                                               "(Ctrl+Shift+R)"))
        self.toolbar_review.triggered.connect(self.review_action.trigger)
        self.toolbar_export = QAction(self.tr("Export"), self)
        self.toolbar_export.setToolTip(self.tr("Write a signed, encrypted bundle for a legal "
                                               "team (Ctrl+E)"))
        self.toolbar_export.triggered.connect(self.export_action.trigger)
        self.toolbar_import = QAction(self.tr("Import"), self)
        self.toolbar_import.setToolTip(self.tr("Check and import a bundle, a withdrawal notice "
                                               "or a delivery receipt (Ctrl+I)"))
        self.toolbar_import.triggered.connect(self.import_action.trigger)
        for act in (self.toolbar_new, self.toolbar_save, self.toolbar_review, None,
                    self.toolbar_export, self.toolbar_import, None, self.toolbar_lock):
            if act is None:
                bar.addSeparator()
            else:
                bar.addAction(act)
        self.addToolBar(bar)
        self.toolbar = bar

    def _update_actions(self, *_args: object) -> None:
        unlocked = self.session.is_unlocked
        for act in (self.new_action, self.toolbar_new, self.lock_action, self.toolbar_lock,
                    self.find_action, self.stats_action, self.export_action,
                    self.toolbar_export, self.import_action, self.toolbar_import,
                    self.contacts_action, self.backup_action, self.check_action):
            act.setEnabled(unlocked)
        self.save_action.setEnabled(unlocked and self.workspace.editing)
        self.toolbar_save.setEnabled(self.save_action.isEnabled())
        self.revisions_action.setEnabled(unlocked and not self.workspace.editing
                                         and self.workspace.current is not None)
        self.review_action.setEnabled(self.revisions_action.isEnabled())
        for act in (self.receipt_action, self.withdraw_action):
            act.setEnabled(self.revisions_action.isEnabled())
        self.transfers_action.setEnabled(unlocked and not self.workspace.editing)
        self.toolbar_review.setEnabled(self.review_action.isEnabled())
        self.toolbar.setVisible(unlocked)

    def _connect_workspace(self, workspace: Workspace) -> None:
        workspace.statusMessage.connect(lambda text: self.statusBar().showMessage(text, 8000))
        workspace.editingChanged.connect(self._update_actions)
        workspace.noticesWanted.connect(
            lambda _tid: screens.withdraw(self, self.session, self.workspace))

    def _rebuild_workspace(self) -> None:
        """A workspace built anew in the new language replaces the old one: every label of
        the list, detail, search and editor speaks it at once, and an open editor carries
        its unsaved state across, as a draft restored after a crash would."""
        old = self.workspace
        carry = old.carry_over()
        new = Workspace(self.session)
        self._connect_workspace(new)
        showing = self.stack.currentWidget() is old
        self.stack.insertWidget(self.stack.indexOf(old), new)
        if showing:
            self.stack.setCurrentWidget(new)
        self.stack.removeWidget(old)
        self.workspace = new
        old.clear()
        old.deleteLater()
        if self.session.is_unlocked:
            new.resume(carry)

    def retranslate(self) -> None:
        """Live language switch (``ui.i18n.switch`` calls this): a new workspace, every menu
        and the toolbar rebuilt through ``_build_actions`` (so actions must be made there),
        then the title and the status label. The unlock page redoes its own texts."""
        self._rebuild_workspace()
        old = [a for m in self.menuBar().actions() if m.menu() for a in m.menu().actions()]
        old += self.toolbar.actions()
        self.menuBar().clear()
        self.removeToolBar(self.toolbar)
        self.toolbar.deleteLater()
        for act in old:
            if act.parent() is self:
                act.deleteLater()
        self._build_actions()
        self._update_actions()
        self.setWindowTitle(self.tr("Testimony Intake"))
        if self.session.info is not None:
            self.store_label.setText(self.tr("{0} · fingerprint {1}").format(
                self.session.info.label, self.session.info.fingerprint))

    # -- unlock and lock --------------------------------------------------------------------

    def _on_unlocked(self, info: StoreInfo) -> None:
        self.unlock_page.reset()
        self.stack.setCurrentWidget(self.workspace)
        self.store_label.setText(self.tr("{0} · fingerprint {1}").format(
            info.label, info.fingerprint))
        self.store_label.setToolTip(str(info.root))
        self.activity.arm()
        self._update_actions()
        self.workspace.load()

    def lock(self) -> None:
        if self.session.is_unlocked:
            self.session.lock(last=self.workspace.final_draft())
        else:
            self._on_locked()

    def panic(self) -> None:
        """Lock, clear the clipboard and hide every window at once."""
        hide_all_windows()
        self.lock()
        self.clipboard.clear()

    def _on_locked(self) -> None:
        close_dialogs()
        self.workspace.clear()
        self.clipboard.clear()
        self.activity.disarm()
        self.store_label.clear()
        self.statusBar().clearMessage()
        self.unlock_page.reset()
        self.stack.setCurrentWidget(self.unlock_page)
        self._update_actions()
        if self.isVisible():
            self.unlock_page.field.setFocus()

    def _open(self, screen: Callable[..., None], *args: object) -> Callable[[], None]:
        """A menu slot opening ``screen(self, *args)``."""
        return lambda: screen(self, *args)

    def open_settings(self) -> None:
        from ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, self, store_dir=self.session.store_dir)
        if dialog.exec():
            self.activity.set_timeout_ms(self.settings.idle_lock_ms)
            self.clipboard.set_clear_ms(self.settings.clipboard_clear_ms)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt)
        self.lock()
        self.session.shutdown()
        self.activity.uninstall()
        event.accept()
        self.closed.emit()

    def bring_back(self) -> None:
        """Another launch asked for us (after a panic): show the (locked) window again."""
        self.showNormal()
        self.raise_()
        self.activateWindow()
