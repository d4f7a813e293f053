"""The ``testimony-intake`` command line (DESIGN §7): every user action, headless."""
