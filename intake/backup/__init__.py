"""Backups of a whole store in one verifiable file (DESIGN §7 ``backup`` / ``restore``).

Format ``tibak/1``: a tar of ``manifest.json``, ``manifest.hmac``, ``keys``,
``store.db`` and ``blobs/<id>``, every member still encrypted exactly as it is
in the store. See :mod:`intake.backup.manifest` for the layout and
:mod:`intake.backup.restore` for what is checked before anything is written.
"""

from intake.backup.create import BackupInfo, create_backup
from intake.backup.errors import BackupFailed, BackupRejected
from intake.backup.restore import BackupSummary, check_restore_target, restore_backup, verify_backup

__all__ = ["BackupFailed", "BackupInfo", "BackupRejected", "BackupSummary",
           "check_restore_target", "create_backup", "restore_backup", "verify_backup"]
