"""The encrypted store: key slots, SQLCipher database, blobs and audit chain (DESIGN §4)."""

from intake.store.check import CheckReport
from intake.store.paths import StorePaths, default_store_dir
from intake.store.records import RevisionInfo, StaleRevision, Summary
from intake.store.store import Store, erase_store

__all__ = ["CheckReport", "RevisionInfo", "StaleRevision", "Store", "StorePaths", "Summary",
           "default_store_dir", "erase_store"]
