"""Attachments: the list with its fingerprints, and a viewer that works from memory only."""
