"""Fixtures for the look tests: the custody desk (a store with a transfer) and Korean."""

from __future__ import annotations

import pytest

from tests.ui.custody.conftest import desk, open_session  # noqa: F401  (reused fixtures)


@pytest.fixture
def korean(qapp):
    """The Korean UI for one test (the shipped catalogue), English again afterwards."""
    from ui import i18n

    assert i18n.install(qapp, "ko")
    yield
    i18n.install(qapp, "en")
