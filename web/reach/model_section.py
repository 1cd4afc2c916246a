"""The dashboard's section on the people's self-management: model communes that meet the campaign's criteria and
the self-management models of the viewer's share of the campaign, over the dashboard's period."""

from __future__ import annotations

from dataclasses import dataclass

from campaigns.model_assessments import assessments_of, criteria_of
from campaigns.model_stats import ModelFigures, model_figures
from campaigns.models import Campaign
from campaigns.reach_reads import DayRange
from campaigns.reach_scope import ReachView
from campaigns.selfmanaged_models import ModelAssessment
from web.database import get_db


@dataclass(frozen=True)
class ModelSection:
    has_criteria: bool
    assessed: list[ModelAssessment]  # within the viewer's share, by area
    figures: ModelFigures

    @property
    def meeting(self) -> list[ModelAssessment]:
        return [a for a in self.assessed if a.meets_standard]


def model_section(campaign: Campaign, view: ReachView, days: DayRange) -> ModelSection:
    session = get_db()
    assessed = [a for a in assessments_of(session, campaign) if view.includes(a.area)]
    return ModelSection(has_criteria=bool(criteria_of(session, campaign)), assessed=assessed,
                        figures=model_figures(session, view.top, days.first, days.last))
