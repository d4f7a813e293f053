"""Redacting images: solid boxes, orientation kept, every byte of metadata dropped.

Blurring can be reversed and pixelation can be guessed at, so a box is filled
solid. EXIF (including GPS and the camera's serial number in maker notes), XMP,
IPTC, comments and PNG text chunks can name a place, a device or a person, so the
exported image is re-encoded from pixels alone — after the EXIF orientation has
been applied to the pixels, so the picture still stands the right way up. All of
it happens in memory: the original stays untouched in the store.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageOps

from intake.errors import InvalidInput

MAX_PIXELS = 100_000_000      # refuse decompression bombs outright
FILL = (0, 0, 0)
_SAVE_AS = {"JPEG": ("JPEG", {"quality": 92}), "PNG": ("PNG", {}), "WEBP": ("WEBP",
            {"quality": 92}), "GIF": ("PNG", {}), "TIFF": ("PNG", {}), "BMP": ("PNG", {}),
            "MPO": ("JPEG", {"quality": 92})}
REDACTABLE_MEDIA_TYPES = frozenset({"image/jpeg", "image/png", "image/webp", "image/gif",
                                    "image/tiff", "image/bmp"})


@dataclass(frozen=True)
class Box:
    """A rectangle in the pixels of the upright image (after EXIF orientation)."""

    x: int
    y: int
    width: int
    height: int

    def to_dict(self) -> dict[str, int]:
        return {"x": self.x, "y": self.y, "width": self.width, "height": self.height}


@dataclass(frozen=True)
class RedactedImage:
    data: bytes
    media_type: str
    width: int
    height: int


def _open(data: bytes) -> Image.Image:
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        image = Image.open(io.BytesIO(data))
        image.load()
    except Image.DecompressionBombError:
        raise InvalidInput("image", "the image is too large to process safely") from None
    except (OSError, ValueError, SyntaxError):
        raise InvalidInput("image", "the file is not an image this app can read") from None
    return image


def upright(data: bytes) -> Image.Image:
    """The image with its EXIF orientation applied to the pixels."""
    image = _open(data)
    fmt = image.format
    turned = ImageOps.exif_transpose(image)
    turned.format = fmt
    return turned


def redact_image(data: bytes, boxes: Sequence[Box] = ()) -> RedactedImage:
    """Boxes filled solid, then re-encoded from pixels alone (no metadata of any kind)."""
    image = upright(data)
    fmt, options = _SAVE_AS.get(image.format or "", ("PNG", {}))
    mode = "RGB" if fmt == "JPEG" else ("RGBA" if "A" in image.getbands() else "RGB")
    clean = Image.new(mode, image.size)
    clean.paste(image.convert(mode))
    draw = ImageDraw.Draw(clean)
    for box in boxes:
        if box.width <= 0 or box.height <= 0:
            raise InvalidInput("box", "a redaction box needs a width and a height")
        draw.rectangle([box.x, box.y, box.x + box.width - 1, box.y + box.height - 1],
                       fill=FILL + ((255,) if mode == "RGBA" else ()))
    out = io.BytesIO()
    clean.save(out, fmt, **options)  # no exif=, no pnginfo=, no icc_profile=: nothing rides along
    media_type = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}[fmt]
    return RedactedImage(out.getvalue(), media_type, clean.width, clean.height)


def suggest_faces(data: bytes) -> list[Box]:
    """Face boxes from OpenCV's bundled Haar cascade: offline, suggestions for a person to
    confirm — it misses faces in profile or shadow, so review never rests on it alone."""
    import cv2
    import numpy as np

    image = upright(data).convert("L")
    gray = np.asarray(image)
    cascade = cv2.CascadeClassifier(cv2.data.haarcascades + "haarcascade_frontalface_default.xml")
    found = cascade.detectMultiScale(gray, scaleFactor=1.1, minNeighbors=5, minSize=(24, 24))
    margin = 0.15
    boxes = []
    for x, y, w, h in found:
        dx, dy = int(w * margin), int(h * margin)
        x0, y0 = max(0, int(x) - dx), max(0, int(y) - dy)
        x1, y1 = min(gray.shape[1], int(x + w) + dx), min(gray.shape[0], int(y + h) + dy)
        boxes.append(Box(x0, y0, x1 - x0, y1 - y0))
    return boxes
