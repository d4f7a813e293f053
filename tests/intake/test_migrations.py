"""A store written by schema version 1 opens with today's code, migrated, with nothing lost."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from intake.cli.passphrase import from_text
from intake.errors import StoreDamaged
from intake.store import Store
from intake.store.schema import CURRENT_VERSION, migrate, schema_version

FIXTURE = Path(__file__).parents[1] / "data" / "stores" / "v1"


@pytest.fixture
def v1_store(tmp_path):
    target = tmp_path / "v1"
    shutil.copytree(FIXTURE, target)
    return target


def test_v1_store_is_migrated_forward_with_its_records(v1_store, policy):
    with Store.open(v1_store, from_text("fixture passphrase v1"), policy=policy) as store:
        assert schema_version(store.conn) == CURRENT_VERSION
        assert {s.pseudonym for s in store.summaries()} == {"S-V1-01", "S-V1-02"}
        t = store.get("5b0c8f7e-3a61-4c2e-9a55-0d1f2e3a4b5c")
        assert t.narrative == "2018년 11월 단둥에서 공안에게 잡혔다."
        # Migration 2 filled the new search index from the existing records.
        assert [s.pseudonym for s in store.search("단둥")] == ["S-V1-01"]
        assert [s.pseudonym for s in store.search("onsong")] == ["S-V1-02"]
        # And the store goes on working: a save appends revision 2.
        assert store.save(t).revision == 2
        assert store.check().ok


def test_migrating_twice_does_nothing(v1_store, policy):
    with Store.open(v1_store, from_text("fixture passphrase v1"), policy=policy) as store:
        assert migrate(store.conn) == []


def test_a_store_newer_than_this_release_is_refused(v1_store, policy):
    with Store.open(v1_store, from_text("fixture passphrase v1"), policy=policy) as store:
        store.conn.execute(f"PRAGMA user_version = {CURRENT_VERSION + 1}")
    with pytest.raises(StoreDamaged, match="newer"):
        Store.open(v1_store, from_text("fixture passphrase v1"), policy=policy)
