"""Attachment media at the redacted level: opaque boxes, no metadata, suggested face boxes."""
