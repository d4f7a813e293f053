"""Screenshots of the bundle screens (contacts, export and its checks, import), offscreen.

    .venv/bin/python docs/screenshots/make_bundle_screenshots.py en
    .venv/bin/python docs/screenshots/make_bundle_screenshots.py ko

Throwaway stores with the cheap test KDF and the fictional sample testimonies from
tests/data; nothing real is ever shown. Writes contacts-, contacts-compare-, export-,
export-checks- and import-<lang>.png next to this file (the naming of make_screenshots.py).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.append(str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

import ui  # noqa: E402,F401

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_screenshots import shot, wait_for  # noqa: E402

LABELS = {"en": ("Field team A", "Legal team B", "Geneva legal clinic"),
          "ko": ("현장팀 A", "법률팀 B", "제네바 법률 지원단")}


def _without_attachments(path: Path) -> dict:
    """A sample as a dict, minus the attachments it lists (their files are not here)."""
    d = json.loads(path.read_text(encoding="utf-8"))
    d["attachments"] = []
    for event in d.get("events", []):
        event.pop("sources", None)
    return d


def make_stores(tmp: Path, lang: str) -> tuple[Path, dict[str, str]]:
    from crypto.kdf import KdfPolicy
    from intake.bundle import ExportRequest, export_bundle
    from intake.cli.passphrase import from_text
    from intake.contacts import Contacts
    from intake.model import Testimony
    from intake.store import Store
    from ui.pdf.statement import render_statement

    policy = KdfPolicy.insecure_for_tests()
    field_label, legal_label, other_label = LABELS[lang]
    field = Store.create(tmp / "field", from_text("screenshots"), label=field_label,
                         policy=policy)[0]
    legal = Store.create(tmp / "legal", from_text("screenshots"), label=legal_label,
                         policy=policy)[0]
    other = Store.create(tmp / "other", from_text("screenshots"), label=other_label,
                         policy=policy)[0]
    samples = sorted((ROOT / "tests" / "data" / "testimonies").glob("*.json"))
    stored = field.add_many([Testimony.from_dict(_without_attachments(p)) for p in samples])
    ids = {t.survivor.pseudonym: t.id for t in stored}
    contacts = Contacts(field)
    contacts.add(legal.identity_card())
    contacts.verify(legal_label)
    contacts.add(other.identity_card())
    bundle = tmp / "bundle-legal.tib.age"
    export_bundle(field, ExportRequest(recipients=(legal_label,), purpose="legal",
                                       level="full", testimony_ids=(ids["S-0305"],)),
                  bundle, renderer=render_statement)
    for s in (field, legal, other):
        s.close()
    return bundle, ids


def unlock(tmp: Path, name: str):
    from crypto.kdf import KdfPolicy
    from crypto.passphrase import encode_passphrase
    from ui.session import Session

    session = Session(tmp / name, policy=KdfPolicy.insecure_for_tests())
    session.unlock(encode_passphrase("screenshots"))
    wait_for(lambda: session.is_unlocked)
    return session


def main(lang: str) -> None:
    from ui import i18n
    from ui.bundles.compare_dialog import CompareFingerprintDialog
    from ui.bundles.contacts_dialog import ContactsDialog
    from ui.bundles.export_dialog import ExportDialog
    from ui.bundles.import_dialog import ImportDialog
    from ui.fonts import install_fonts
    from ui.messages import MessageBox

    app = QApplication(["testimony-intake"])
    i18n.install(app, lang)
    install_fonts(app)
    MessageBox.start_recording()
    tmp = Path(tempfile.mkdtemp())
    bundle, ids = make_stores(tmp, lang)
    field, legal = unlock(tmp, "field"), unlock(tmp, "legal")

    contacts = ContactsDialog(field)
    contacts.show()
    wait_for(lambda: field.ops.idle)
    contacts.table.selectRow(0)
    shot(contacts, "contacts", lang)
    compare = CompareFingerprintDialog(contacts.model.contact(0).card, contacts, adding=True)
    compare.show()
    shot(compare, "contacts-compare", lang)
    compare.close()
    contacts.close()

    export = ExportDialog(field, preselected=(ids["S-0305"], ids["S-0412"]))
    export.show()
    wait_for(lambda: field.ops.idle)
    export.recipients.set_checked(LABELS[lang][1], True)
    export.set_path(Path.home() / "bundle-2026-03-02-legal.tib.age")
    shot(export, "export", lang)
    export.start_export()
    wait_for(lambda: export.checks is not None)
    shot(export.checks, "export-checks", lang)
    export.checks.reject()
    export.close()

    importer = ImportDialog(legal)
    importer.show()
    importer.choose(bundle)
    wait_for(lambda: legal.ops.idle)
    shot(importer, "import", lang)
    importer.close()
    for s in (field, legal):
        s.shutdown()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "en")
