"""Moments read the same on every screen and in every locale: ``YYYY-MM-DD HH:MM``."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from ui.records import labels
from ui.records.labels import local_time

ISO = "2026-03-02T09:41:07.123Z"


def test_the_workspace_and_the_labels_agree_on_a_moment():
    expected = datetime(2026, 3, 2, 9, 41, 7, tzinfo=UTC).astimezone().strftime(
        "%Y-%m-%d %H:%M")
    assert local_time(ISO) == expected == labels.local_time(ISO)


def test_a_moment_is_unambiguous_in_the_korean_ui(korean):
    # The locale's short format was "26. 3. 2. 오전 9:41": which is the year?
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", local_time(ISO))
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", local_time("2026-03-02T09:41:07Z"))


def test_an_unreadable_moment_shows_nothing_rather_than_a_wrong_date():
    assert local_time("") == ""
    assert local_time("yesterday") == ""
