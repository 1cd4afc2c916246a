"""A province, a commune with two villages (one retired), a photo with GPS in its EXIF, and a key: tip-off tests share these."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from io import BytesIO

from PIL import Image
from sqlalchemy.orm import Session

from campaigns.tipoff_sealing import generate_tipoff_key
from content.models import Area, AreaKind
from tests.factories import make_area

KEY = generate_tipoff_key()
SECRET_BODY = "Tối qua có nhóm thanh niên lạ mặt tụ tập mua bán chất cấm sau nhà văn hóa thôn Đồng Sen"
SECRET_CONTACT = "Chị Lò Thị Mận, 0912 345 678"


@dataclass
class TipoffWorld:
    province: Area
    commune: Area
    village: Area
    retired: Area
    other_commune: Area


def make_tipoff_world(session: Session) -> TipoffWorld:
    province = make_area(session, code="TP91", name="Tỉnh Sơn Cước")
    commune = make_area(session, parent=province, code="TP91-01", name="Xã Đồng Sen")
    other = make_area(session, parent=province, code="TP91-02", name="Phường Bến Mới")
    village = make_area(session, parent=commune, code="TP91-01-1", name="Thôn Gò Mít", kind=AreaKind.RESIDENTIAL)
    retired = make_area(session, parent=commune, code="TP91-01-2", name="Thôn Cũ", kind=AreaKind.RESIDENTIAL,
                        retired_at=datetime(2026, 1, 1, tzinfo=timezone.utc))
    session.commit()
    return TipoffWorld(province, commune, village, retired, other)


def photo_with_gps(size: tuple[int, int] = (64, 48)) -> bytes:
    """A JPEG whose EXIF says where it was taken and on which phone: what must not survive."""
    image = Image.new("RGB", size, (200, 120, 40))
    exif = Image.Exif()
    exif[0x010F] = "SoiPhone"  # Make
    exif[0x0110] = "Model X9 of Nguyen"  # Model
    gps = {1: "N", 2: (21.0, 1.0, 30.0), 3: "E", 4: (105.0, 48.0, 12.0)}
    exif[0x8825] = gps
    out = BytesIO()
    image.save(out, "JPEG", exif=exif)
    return out.getvalue()
