"""Redaction review: findings in every text field, manual spans, names, image boxes.

The widgets take a review state in and emit what the interviewer asked for; the
decisions themselves are worked out headless in ``intake.review``, and every slow step
(detection, face suggestions, the image preview) runs on the worker through the
runner the workspace gives them.
"""
