"""Illustrations for the demo, drawn with Pillow: no photo of a real person or place ships with Loa.

Each picture is a flat scene whose alt text says exactly what is drawn, so the demo also shows
what good alt text looks like.
"""

from __future__ import annotations

from collections.abc import Callable
from io import BytesIO

from PIL import Image, ImageDraw

SIZE = (960, 640)


def _sky(draw: ImageDraw.ImageDraw, top: tuple[int, int, int], bottom: tuple[int, int, int]) -> None:
    width, height = SIZE
    for y in range(height):
        t = y / height
        draw.line([(0, y), (width, y)], fill=tuple(int(a + (b - a) * t) for a, b in zip(top, bottom)))


def _loudspeaker(draw: ImageDraw.ImageDraw) -> None:
    draw.rectangle([470, 150, 490, 600], fill=(90, 90, 100))  # the pole
    for side in (-1, 1):
        x = 480 + side * 25
        draw.polygon([(x, 190), (x + side * 150, 130), (x + side * 150, 290), (x, 230)], fill=(200, 200, 210))
        draw.ellipse([x + side * 150 - 22, 130, x + side * 150 + 22, 290], fill=(150, 150, 165))


def _house(draw: ImageDraw.ImageDraw, left: int, wall: tuple[int, int, int]) -> None:
    draw.rectangle([left, 380, left + 220, 540], fill=wall)
    draw.polygon([(left - 20, 385), (left + 110, 290), (left + 240, 385)], fill=(170, 60, 40))
    draw.rectangle([left + 90, 450, left + 130, 540], fill=(90, 60, 40))


def _trees(draw: ImageDraw.ImageDraw, xs: tuple[int, ...]) -> None:
    for x in xs:
        draw.rectangle([x - 8, 430, x + 8, 540], fill=(100, 70, 40))
        draw.ellipse([x - 55, 330, x + 55, 450], fill=(40, 130, 60))


def _field_with_loudspeaker(d: ImageDraw.ImageDraw) -> None:
    _sky(d, (120, 180, 235), (220, 240, 250))
    d.ellipse([-200, 470, 700, 900], fill=(90, 170, 90))
    d.ellipse([400, 500, 1200, 900], fill=(70, 150, 75))
    _loudspeaker(d)


def _house_in_the_morning(d: ImageDraw.ImageDraw) -> None:
    _sky(d, (250, 200, 120), (250, 240, 210))
    d.ellipse([720, 60, 840, 180], fill=(250, 150, 40))
    d.rectangle([0, 540, SIZE[0], SIZE[1]], fill=(110, 170, 80))
    _house(d, 300, (240, 225, 190))
    _trees(d, (160, 640, 780))


def _village_road(d: ImageDraw.ImageDraw) -> None:
    _sky(d, (150, 200, 240), (230, 240, 245))
    d.rectangle([0, 300, SIZE[0], SIZE[1]], fill=(100, 180, 70))
    d.polygon([(455, 300), (505, 300), (760, 640), (200, 640)], fill=(170, 160, 150))
    d.line([(480, 300), (480, 640)], fill=(250, 250, 250), width=6)


SCENES: dict[str, tuple[str, Callable[[ImageDraw.ImageDraw], None]]] = {
    "loa": ("Tranh minh họa: cột loa truyền thanh với hai loa kèn dưới trời xanh, phía xa là đồi cỏ.",
            _field_with_loudspeaker),
    "nha": ("Tranh minh họa: ngôi nhà mái ngói đỏ bên hàng cây xanh, mặt trời buổi sáng.", _house_in_the_morning),
    "duong": ("Tranh minh họa: con đường làng thẳng tắp giữa hai cánh đồng lúa xanh.", _village_road),
}


def draw_scene(name: str) -> tuple[bytes, str]:
    """The PNG bytes of one scene and its alt text."""
    alt, paint = SCENES[name]
    image = Image.new("RGB", SIZE)
    paint(ImageDraw.Draw(image))
    out = BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue(), alt
