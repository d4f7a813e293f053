"""Keeping the store safe from loss: back up, verify a backup, restore, check the store.

Entry points for menus: :func:`open_backup` (unlocked), :func:`open_verify_backup`
(locked or not), :func:`open_check_store` (unlocked), :func:`open_restore` (no store
yet; the unlock screen and the first-run wizard offer it themselves).
"""

from ui.backup.backup_dialog import BackupDialog, open_backup
from ui.backup.check_dialog import open_check_store, report_quick_check
from ui.backup.restore_dialog import RestoreDialog, open_restore
from ui.backup.verify_dialog import VerifyBackupDialog, open_verify_backup

__all__ = ["BackupDialog", "RestoreDialog", "VerifyBackupDialog", "open_backup",
           "open_check_store", "open_restore", "open_verify_backup", "report_quick_check"]
