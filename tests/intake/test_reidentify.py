"""The re-identification check: a unique combination is flagged, a crowd is not."""

from __future__ import annotations

import pytest

from intake.dates import PartialDate
from intake.reidentify import (
    BIRTH_YEAR_BAND,
    DATES_TO_MONTH,
    ORIGIN_PROVINCE,
    assess,
    crowd_size,
    generalise,
)
from tests.samples import make_testimony


def survivor(year, origin="함경북도 온성군", sex="female"):
    return {"pseudonym": f"S-{year}-{origin[-3:]}", "sex": sex, "birth_year": year,
            "origin": origin}


def held(date="2019-03-14", facility_kind="jipkyulso", place="온성"):
    return [{"type": "detention", "start": date, "facility_kind": facility_kind,
             "place": place}]


def test_nobody_is_flagged_in_a_crowd():
    crowd = [make_testimony(survivor=survivor(1985), events=held()) for _ in range(6)]
    assert assess(crowd, crowd, k=5) == []


def test_a_unique_survivor_is_flagged_with_generalisations_that_hide_her():
    target = make_testimony(survivor=survivor(1985), events=held("2019-03-14"))
    others = [make_testimony(survivor=survivor(1985 + i % 5, "함경북도 회령시"),
                             events=held(f"2019-03-{10 + i:02d}")) for i in range(8)]
    population = [target, *others]
    (risk,) = assess([target], population, k=5)
    assert risk.testimony_id == target.id and risk.crowd == 1
    assert risk.reaches_k and risk.crowd_after >= 5
    assert set(risk.suggested) == {BIRTH_YEAR_BAND, ORIGIN_PROVINCE, DATES_TO_MONTH}


def test_generalising_changes_only_the_copy():
    target = make_testimony(survivor=survivor(1987), events=held("2019-03-14"))
    copy = generalise(target, (BIRTH_YEAR_BAND, ORIGIN_PROVINCE, DATES_TO_MONTH))
    assert target.survivor.birth_year == 1987
    assert copy.survivor.birth_year is None and copy.survivor.birth_year_band == "1985-1989"
    assert copy.survivor.origin == "함경북도"
    assert copy.events[0].start == PartialDate(2019, 3)
    assert target.events[0].start == PartialDate(2019, 3, 14)
    # the copy is still a valid testimony/1 record
    assert type(copy).from_dict(copy.to_dict()) == copy


def test_what_a_testimony_does_not_state_cannot_single_it_out():
    quiet = make_testimony(survivor={"pseudonym": "S-Q"}, events=[])
    others = [make_testimony(survivor=survivor(1970 + i), events=held()) for i in range(4)]
    assert crowd_size(quiet, [quiet, *others]) == 5


def test_no_generalisation_reaches_k_in_a_tiny_store():
    target = make_testimony(survivor=survivor(1985), events=held())
    (risk,) = assess([target], [target], k=5)
    assert not risk.reaches_k and risk.crowd_after == 1


def test_k_below_two_is_refused():
    t = make_testimony()
    with pytest.raises(ValueError):
        assess([t], [t], k=1)


def test_birth_year_band_is_validated():
    from intake.errors import InvalidInput

    with pytest.raises(InvalidInput, match="birth_year_band"):
        make_testimony(survivor={"pseudonym": "S-1", "birth_year_band": "1985"})
    with pytest.raises(InvalidInput, match="not both"):
        make_testimony(survivor={"pseudonym": "S-1", "birth_year": 1985,
                                 "birth_year_band": "1985-1989"})
