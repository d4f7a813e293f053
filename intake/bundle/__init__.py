"""Bundles (``tib/1``): signed, encrypted exports of testimony, and their import (DESIGN §6).

A bundle is an age file (X25519, one recipient per legal team) holding a canonical
POSIX tar: ``manifest.json`` (signed by ``manifest.sig``, minisign), then records,
witness statements, attachments, ``custody.jsonl`` and ``metadata.csv``, each listed
in the manifest with its SHA-256 and size. See ``docs/bundle-format.md``.

| module | what it does |
|---|---|
| ``format`` | the manifest (``Manifest``, ``Member``), member paths, limits |
| ``tarformat`` | the canonical ustar header; a strict one-pass tar reader |
| ``pipe`` | a bounded in-memory pipe between the tar thread and the age thread |
| ``sealer`` | age encryption in a helper process for large bundles (a second core) |
| ``members`` | records, ``custody.jsonl`` and ``metadata.csv`` as bytes |
| ``redact`` | the redacted copy of a testimony |
| ``redacted_media`` | attachments at the redacted level: cleaned, or withheld |
| ``reidentification`` | refuse, generalise or audit survivors who could be re-identified |
| ``statement`` | the ``StatementRenderer`` protocol (the Qt renderer is ``ui.pdf``) |
| ``plan``, ``writer``, ``export`` | export: first pass, second pass, checks and ledger |
| ``reader``, ``contents``, ``importer`` | verify and import |
"""

from intake.bundle.contents import Provenance
from intake.bundle.export import ExportRequest, ExportResult, assess_export, export_bundle
from intake.bundle.format import FORMAT, LEVELS, Manifest, Member
from intake.bundle.importer import (
    ImportResult,
    import_bundle,
    unknown_sender_message,
    verify_bundle,
)
from intake.bundle.reader import Bundle
from intake.bundle.redact import Detector, RedactionFailed, RedactionUnavailable
from intake.bundle.redacted_media import Withheld
from intake.bundle.reidentification import ReidentificationRefused, RiskFinding
from intake.bundle.statement import StatementFailed, StatementRenderer

__all__ = ["FORMAT", "LEVELS", "Bundle", "Detector", "ExportRequest", "ExportResult",
           "ImportResult", "Manifest", "Member", "Provenance", "RedactionFailed",
           "RedactionUnavailable", "ReidentificationRefused", "RiskFinding", "StatementFailed",
           "StatementRenderer", "Withheld", "assess_export", "export_bundle", "import_bundle",
           "unknown_sender_message", "verify_bundle"]
