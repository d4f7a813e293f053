"""Image redaction on real files: solid boxes, no metadata, orientation kept, faces found."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image, PngImagePlugin

from intake.errors import InvalidInput
from intake.media.images import Box, redact_image, suggest_faces

DATA = Path(__file__).parents[2] / "data" / "images"
SECRET = "Kim Young-hee 김영희 GPS"


def jpeg_with_metadata(width=64, height=32, orientation=6) -> bytes:
    image = Image.new("RGB", (width, height), (200, 120, 40))
    exif = image.getexif()
    exif[0x0112] = orientation                 # Orientation: rotate 90° CW to display
    exif[0x010E] = SECRET                      # ImageDescription
    exif[0x013B] = "Kim Young-hee"             # Artist
    exif[0x8825] = {1: "N", 2: (42.0, 25.0, 0.0), 3: "E", 4: (130.0, 33.0, 0.0)}  # GPS
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif, comment=SECRET.encode())
    return out.getvalue()


def test_metadata_is_gone_and_orientation_is_applied():
    original = jpeg_with_metadata()
    assert b"Kim Young-hee" in original
    red = redact_image(original)
    assert b"Kim Young-hee" not in red.data and b"Exif" not in red.data
    assert SECRET.encode() not in red.data
    out = Image.open(io.BytesIO(red.data))
    assert (out.width, out.height) == (32, 64)  # turned upright, not merely tagged
    assert not out.getexif() and "comment" not in out.info
    assert red.media_type == "image/jpeg"


def test_boxes_are_solid():
    image = Image.new("RGB", (50, 50), (255, 255, 255))
    for x in range(50):
        image.putpixel((x, x), (10, 200, 30))
    buf = io.BytesIO()
    image.save(buf, "PNG")
    red = redact_image(buf.getvalue(), [Box(10, 10, 20, 20)])
    out = Image.open(io.BytesIO(red.data)).convert("RGB")
    inside = {out.getpixel((x, y)) for x in range(10, 30) for y in range(10, 30)}
    assert inside == {(0, 0, 0)}
    assert out.getpixel((5, 40)) == (255, 255, 255)
    assert out.getpixel((5, 5)) == (10, 200, 30)


def test_png_text_chunks_are_dropped():
    image = Image.new("RGBA", (8, 8))
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", SECRET)
    buf = io.BytesIO()
    image.save(buf, "PNG", pnginfo=info)
    assert SECRET.encode() in buf.getvalue()
    assert SECRET.encode() not in redact_image(buf.getvalue()).data


@pytest.mark.parametrize("bad", [b"", b"not an image", b"\x89PNG\r\n\x1a\n" + b"\0" * 20])
def test_bad_images_are_refused_with_a_reason(bad):
    with pytest.raises(InvalidInput, match="not an image"):
        redact_image(bad)


def test_a_degenerate_box_is_refused():
    with pytest.raises(InvalidInput):
        redact_image(jpeg_with_metadata(), [Box(0, 0, 0, 5)])


def test_the_offline_detector_suggests_the_face():
    data = (DATA / "grace_hopper.jpg").read_bytes()
    (box,) = suggest_faces(data)
    # OpenCV's cascade finds her face near (155, 104, 224, 224); the box adds a margin.
    assert box.x < 160 and box.y < 110 and box.x + box.width > 375 and box.y + box.height > 325
    red = Image.open(io.BytesIO(redact_image(data, [box]).data)).convert("L")
    centre = red.getpixel((box.x + box.width // 2, box.y + box.height // 2))
    assert centre < 8
    assert suggest_faces(redact_image(data, [box]).data) == []


def test_no_face_in_a_blank_image():
    buf = io.BytesIO()
    Image.new("RGB", (120, 120), (90, 90, 90)).save(buf, "PNG")
    assert suggest_faces(buf.getvalue()) == []
