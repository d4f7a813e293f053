"""The testimony editor: one keyboard-first form for a whole testimony/1 record."""
