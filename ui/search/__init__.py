"""Search, filters, saved searches and corroboration in the app (issue 6, the UI parts).

The engine is :mod:`intake.search`; everything here runs it on the session's worker and
shows what comes back. Entry points: :class:`ui.search.search_panel.SearchPanel` (a dock
or tab, with ``testimonyActivated(str)``) and
:class:`ui.search.corroboration_box.CorroborationBox` (hosted by the detail pane).
"""
