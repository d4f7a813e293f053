"""An interviewer's store and two legal teams' stores that know each other, made once."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from intake.bundle import ExportRequest, export_bundle, import_bundle
from intake.contacts import Contacts
from intake.model import Testimony
from intake.store import Store
from tests.conftest import PASSPHRASE
from tests.intake.bundle.conftest import fake_renderer, snapshot  # noqa: F401
from tests.samples import make_testimony


@dataclass
class Trio:
    field: Store
    legal: Store
    legal2: Store
    tmp: Path

    def testimony(self, **overrides) -> Testimony:
        return self.field.add(make_testimony(**overrides))

    def export(self, name: str, *, to=("Legal",), ids=None, purpose="legal") -> Path:
        out = self.tmp / name
        request = ExportRequest(recipients=tuple(to), purpose=purpose, level="full",
                                testimony_ids=ids)
        return export_bundle(self.field, request, out, renderer=fake_renderer).path

    def deliver(self, bundle: Path, *stores: Store) -> None:
        for s in stores or (self.legal,):
            import_bundle(s, bundle)

    def outbox(self, name: str = "outbox") -> Path:
        d = self.tmp / name
        d.mkdir(exist_ok=True)
        return d


@pytest.fixture(scope="session")
def trio_template(tmp_path_factory) -> Path:
    from crypto.kdf import KdfPolicy
    from intake.cli.passphrase import from_text

    root = tmp_path_factory.mktemp("custody-trio")
    policy = KdfPolicy.insecure_for_tests()
    stores = {name: Store.create(root / name, from_text(PASSPHRASE), label=label,
                                 policy=policy)[0]
              for name, label in (("field", "Field team A"), ("legal", "Legal team B"),
                                  ("legal2", "Legal team C"))}
    field, legal, legal2 = stores["field"], stores["legal"], stores["legal2"]
    try:
        Contacts(field).add(legal.identity_card(), "Legal")
        Contacts(field).verify("Legal")
        Contacts(field).add(legal2.identity_card(), "Legal C")
        Contacts(field).verify("Legal C")
        Contacts(legal).add(field.identity_card(), "Field A")
        Contacts(legal2).add(field.identity_card(), "Field A")
    finally:
        for s in stores.values():
            s.close()
    return root


@pytest.fixture
def trio(trio_template, tmp_path, policy, passphrase) -> Iterator[Trio]:
    opened = []
    for name in ("field", "legal", "legal2"):
        shutil.copytree(trio_template / name, tmp_path / name)
        opened.append(Store.open(tmp_path / name, passphrase(), policy=policy))
    yield Trio(*opened, tmp_path)
    for store in opened:
        store.close()
