"""The statistics dashboard: counts of events by one dimension, small cells withheld.

Entry point: :func:`ui.stats.dashboard.open_dashboard`. The counting and the
suppression are :mod:`intake.stats`; this package shows its table, charts it and
exports it, and never shows a number the library withheld.
"""
