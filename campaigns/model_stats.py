"""Figures of the self-management models and model-area recognitions of an area over a period.

Other parts (the festival-day report, the campaign report) call `model_figures`. A model's status is its
status today: the register keeps no history of pauses, so "running" means started by the period's last day
and not paused now. A model registered at a commune counts for the commune, never for one of its villages.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, distinct, func, or_, select
from sqlalchemy.orm import Session

from campaigns.selfmanaged_models import ModelAssessment, ModelKind, ModelStatus, SelfModel
from content.models import Area, AreaKind

RUNNING = (ModelStatus.ACTIVE, ModelStatus.REPLICATED)


@dataclass(frozen=True)
class ModelFigures:
    running: int  # models started by the last day and not paused now
    running_by_kind: dict[ModelKind, int]  # every kind, zero included
    started_in_period: int
    members: int  # of running models, where recorded
    households: int
    residential_areas: int  # villages in the area today (retired ones left out)
    residential_with_model: int  # of those, villages with a running model of their own
    recognised_areas: int  # areas assessed as meeting a campaign's model standard within the period

    @property
    def residential_share(self) -> float | None:
        """Percent of villages with a running model; None when the area has no village on record."""
        return 100.0 * self.residential_with_model / self.residential_areas if self.residential_areas else None


def _within(area: Area | None) -> ColumnElement[bool]:
    return Area.path.startswith(area.path, autoescape=True) if area is not None else Area.id.is_not(None)


def running_residential(session: Session, scope: list[Area], upto: date) -> tuple[int, int]:
    """(villages in the scope, villages with a running model started by `upto`): a share's two terms."""
    if not scope:
        return 0, 0
    inside = or_(*(_within(area) for area in scope))
    villages = session.scalar(select(func.count(Area.id)).where(
        inside, Area.kind == AreaKind.RESIDENTIAL, Area.retired_at.is_(None))) or 0
    with_model = session.scalar(
        select(func.count(distinct(SelfModel.area_id))).join(Area, SelfModel.area_id == Area.id)
        .where(inside, Area.kind == AreaKind.RESIDENTIAL, Area.retired_at.is_(None),
               SelfModel.status.in_(RUNNING), SelfModel.started_on <= upto)) or 0
    return villages, with_model


def model_figures(session: Session, area: Area | None, first_day: date, last_day: date) -> ModelFigures:
    """The models and recognitions of `area`'s subtree (None: everywhere) for the local days first..last."""
    running_query = (select(SelfModel.kind, func.count(SelfModel.id), func.coalesce(func.sum(SelfModel.members), 0),
                            func.coalesce(func.sum(SelfModel.households), 0))
                     .join(Area, SelfModel.area_id == Area.id)
                     .where(_within(area), SelfModel.status.in_(RUNNING), SelfModel.started_on <= last_day)
                     .group_by(SelfModel.kind))
    by_kind = dict.fromkeys(ModelKind, 0)
    members = households = 0
    for kind, count, kind_members, kind_households in session.execute(running_query):
        by_kind[kind] = count
        members += kind_members or 0  # coalesced in SQL; the type of sum() does not know
        households += kind_households or 0
    started = session.scalar(select(func.count(SelfModel.id)).join(Area, SelfModel.area_id == Area.id).where(
        _within(area), SelfModel.started_on >= first_day, SelfModel.started_on <= last_day)) or 0
    recognised = session.scalar(
        select(func.count(distinct(ModelAssessment.area_id))).join(Area, ModelAssessment.area_id == Area.id)
        .where(_within(area), ModelAssessment.meets_standard, ModelAssessment.assessed_on >= first_day,
               ModelAssessment.assessed_on <= last_day)) or 0
    roots = [area] if area is not None else list(session.scalars(select(Area).where(Area.parent_id.is_(None))))
    villages, with_model = running_residential(session, roots, last_day)
    return ModelFigures(running=sum(by_kind.values()), running_by_kind=by_kind, started_in_period=started,
                        members=members, households=households, residential_areas=villages,
                        residential_with_model=with_model, recognised_areas=recognised)

