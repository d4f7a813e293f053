"""Finding what could identify a survivor or a relative, so an export can redact it.

``Detector().detect(text, names=[...])`` returns :class:`Finding` objects (code-point
offsets, kind, text, score). Nothing here changes stored text: the export makes redacted
copies from the findings the interviewer did not reject.
"""

from intake.redaction.detector import Detector, default_detector
from intake.redaction.finding import KINDS, Finding

__all__ = ["KINDS", "Detector", "Finding", "default_detector"]
