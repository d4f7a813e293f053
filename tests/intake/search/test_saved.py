"""Saved searches live in the encrypted store, nowhere else."""

from __future__ import annotations

import pytest

from intake.dates import PartialDate
from intake.errors import InvalidInput, NotFound
from intake.search import Filters, Query
from intake.search.saved import delete_search, load_search, save_search, saved_searches
from tests.helpers import canary_encodings, files_containing


def test_save_load_list_replace_delete(store):
    q = Query("박순옥 OR 보위부", Filters(types=("detention",), date_from=PartialDate(2019),
                                        places=("온성",)))
    save_search(store, "Onsong 2019", q)
    assert load_search(store, "Onsong 2019") == Query(q.text, q.filters)
    save_search(store, "Onsong 2019", Query("다른"))
    assert load_search(store, "Onsong 2019").text == "다른"
    save_search(store, "Another", Query("", Filters(consent="legal")))
    assert [s.name for s in saved_searches(store)] == ["Another", "Onsong 2019"]
    delete_search(store, "Another")
    with pytest.raises(NotFound):
        load_search(store, "Another")
    with pytest.raises(NotFound):
        delete_search(store, "Another")
    for bad in ("", "  ", "x" * 101):
        with pytest.raises(InvalidInput):
            save_search(store, bad, q)


def test_a_saved_query_never_reaches_a_file_in_clear(store, tmp_path):
    canary = "카나리아관리이름"
    save_search(store, f"case {canary}", Query(f"{canary} OR Officer", Filters(
        perpetrators=(canary,))))
    store.close()
    assert files_containing([tmp_path], canary_encodings([canary])) == []
