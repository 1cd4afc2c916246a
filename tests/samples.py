"""Inputs shared by tests: hostile Markdown and titles, a clean title, an image made on the spot."""

from __future__ import annotations

from io import BytesIO

from PIL import Image

HOSTILE = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    '<img src=x onerror="alert(1)">',
    "[bấm](javascript:alert(1))",
    "[bấm](JaVaScRiPt:alert(1))",
    "[bấm](&#106;avascript:alert(1))",
    "[bấm](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    '<a href="vbscript:msgbox(1)">x</a>',
    '<svg onload="alert(1)"><circle r="1"/></svg>',
    '<iframe src="https://evil.example"></iframe>',
    '<div style="background:url(javascript:alert(1))">x</div>',
    '<p onclick="alert(1)">bấm</p>',
    "<<script>script>alert(1)<</script>/script>",
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
    '![ảnh](javascript:alert(1))',
    '<form action="https://evil.example"><input name=x></form>',
]


HOSTILE_TITLE = "Cảnh giác\u202e lừa\u200b đảo\x00 qua mạng"


CLEAN_TITLE = "Cảnh giác lừa đảo qua mạng"


def image_bytes(fmt: str = "PNG", size: tuple[int, int] = (800, 600), mode: str = "RGB",
                colour: object = (180, 30, 30), **options: object) -> bytes:
    out = BytesIO()
    Image.new(mode, size, colour).save(out, fmt, **options)
    return out.getvalue()
