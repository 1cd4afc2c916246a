"""The dashboard's section on the people's self-management: model communes that meet the campaign's criteria and
the self-management models of the viewer's share of the campaign, over the dashboard's period."""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import gettext as _

from campaigns.model_assessments import assessments_of, criteria_of
from campaigns.model_stats import ModelFigures, model_figures
from campaigns.models import Campaign
from campaigns.reach_reads import DayRange
from campaigns.reach_scope import ReachView
from campaigns.selfmanaged_models import ModelAssessment
from web.database import get_db
from web.formatting import MODEL_KIND_LABELS
from web.reach.campaign_figures import t
from web.reach.tables import Column, ColumnKind, FigureTable, Value, figure_table


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


def model_tables(campaign: Campaign, view: ReachView, days: DayRange) -> list[FigureTable]:
    """The section as tables, for the printed and the Word report: the areas assessed, then the models by kind."""
    section = model_section(campaign, view, days)
    assessed = figure_table(
        "model-areas", _("Kết quả đánh giá xã, phường kiểu mẫu"),
        [Column(_("Địa bàn")), Column(_("Ngày đánh giá"), ColumnKind.DATE), Column(_("Tiêu chí đạt")),
         Column(_("Kết luận đánh giá")), Column(_("Số quyết định"))],
        [[a.area.name, a.assessed_on, _("%(met)s / %(all)s tiêu chí", met=sum(r.met for r in a.results),
                                          all=len(a.results)),
          _("Đạt chuẩn kiểu mẫu") if a.meets_standard else _("Chưa đạt"), a.decision_number or None]
         for a in section.assessed],
        notes=[_("Ghi nhận theo bộ tiêu chí của chiến dịch, kèm số quyết định công nhận; không phải số đo.")])
    figures = section.figures
    by_kind: list[list[Value]] = [[t(MODEL_KIND_LABELS[kind.value]), count]
                                  for kind, count in figures.running_by_kind.items()]
    models = figure_table(
        "self-models", _("Mô hình tự quản đang hoạt động đến cuối kỳ"),
        [Column(_("Loại")), Column(_("Số mô hình"), ColumnKind.NUMBER)],
        [*by_kind, [_("Tổng số mô hình"), figures.running]],
        notes=[_("Mô hình bắt đầu trước hoặc trong kỳ và không tạm dừng; tình trạng là tình trạng hiện tại trong sổ."),
               _("Thôn, tổ dân phố có mô hình đang hoạt động: %(villages)s / %(total)s.",
                 villages=figures.residential_with_model, total=figures.residential_areas)])
    return [assessed, models]
