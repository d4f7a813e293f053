"""Testimony Intake core: the domain, the encrypted store, redaction, bundles and the CLI.

Runs headless: nothing here imports Qt, so every user action is possible from the
command line and from tests.
"""
