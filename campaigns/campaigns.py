"""Campaigns: the plans (Kế hoạch) that messages serve, with their periods, areas, topics and targets."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from campaigns.models import Campaign
from content.models import Area, User


def list_campaigns(session: Session, user: User) -> list[Campaign]:
    """Campaigns owned by an area the user works in or above it (a province plan concerns its communes)."""
    campaigns = session.scalars(select(Campaign).join(Area, Campaign.owner_area_id == Area.id)
                                .order_by(Campaign.starts_on.desc(), Campaign.id.desc())).all()
    if user.area is None:
        return list(campaigns)
    return [c for c in campaigns if user.area.path.startswith(c.owner_area.path)
            or c.owner_area.path.startswith(user.area.path)]
