"""The interviewer's and the legal team's stores from the bundle tests, for load files."""

from tests.intake.bundle.conftest import pair, pair_template  # noqa: F401
