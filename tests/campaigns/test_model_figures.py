"""model_figures: running models by kind, villages with a model, recognitions; the model-share target reads them."""

from __future__ import annotations

from datetime import date

from campaigns.model_stats import model_figures
from campaigns.models import TargetKind
from campaigns.selfmanaged_models import ModelAssessment, ModelKind, ModelStatus, SelfModel
from campaigns.target_progress import FigureKind, progress
from content.models import AreaKind
from tests.campaigns.target_world import ZONE, add_target, target_world
from tests.factories import make_area

YEAR = (date(2026, 1, 1), date(2026, 12, 31))


def add_model(session, area, kind=ModelKind.DRUG_FREE, started_on=date(2026, 3, 1),  # type: ignore[no-untyped-def]
              status=ModelStatus.ACTIVE, **overrides) -> SelfModel:
    model = SelfModel(area_id=area.id, name=overrides.pop("name", "Khu dân cư không ma túy"), kind=kind,
                      started_on=started_on, status=status, **overrides)
    session.add(model)
    session.flush()
    return model


def village(session, commune, name):  # type: ignore[no-untyped-def]
    return make_area(session, parent=commune, kind=AreaKind.RESIDENTIAL, name=name)


def test_running_models_are_counted_by_kind_with_members_and_villages(session):
    w = target_world(session)
    thon_1, thon_2 = village(session, w.commune_a, "Thôn Đông"), village(session, w.commune_a, "Thôn Tây")
    village(session, w.commune_b, "Thôn Nam")
    add_model(session, thon_1, members=40, households=25)
    add_model(session, thon_1, ModelKind.CAMERAS, name="Camera an ninh thôn Đông", households=60)
    add_model(session, thon_2, ModelKind.CLAN, status=ModelStatus.PAUSED, name="Dòng họ Lê tự quản")
    add_model(session, w.commune_b, ModelKind.CLAN, started_on=date(2025, 5, 1), status=ModelStatus.REPLICATED,
              name="Dòng họ Trần tự quản", members=120)
    add_model(session, w.other_commune, name="Mô hình ở tỉnh khác")
    figures = model_figures(session, w.province, *YEAR)
    assert figures.running == 3  # the paused one and the other province's are left out
    assert figures.running_by_kind == {ModelKind.DRUG_FREE: 1, ModelKind.CAMERAS: 1, ModelKind.CLAN: 1,
                                       ModelKind.OTHER: 0}
    assert (figures.members, figures.households) == (160, 85)
    assert figures.started_in_period == 3  # the 2025 one started before the year
    # Three villages; only Thôn Đông runs a model of its own (the commune's clan counts for no village).
    assert (figures.residential_areas, figures.residential_with_model) == (3, 1)
    assert round(figures.residential_share or 0, 2) == 33.33


def test_a_model_started_after_the_period_is_not_yet_running(session):
    w = target_world(session)
    add_model(session, village(session, w.commune_a, "Thôn Bắc"), started_on=date(2026, 12, 15))
    assert model_figures(session, w.commune_a, date(2026, 1, 1), date(2026, 11, 30)).running == 0
    assert model_figures(session, w.commune_a, *YEAR).running == 1


def test_an_area_without_villages_has_no_share_rather_than_zero(session):
    w = target_world(session)
    assert model_figures(session, w.commune_b, *YEAR).residential_share is None


def test_areas_recognised_as_model_within_the_period_are_counted_once(session):
    w = target_world(session)
    session.add_all([ModelAssessment(campaign_id=w.campaign.id, area_id=w.commune_a.id, assessed_on=date(2026, 8, 1),
                                     meets_standard=True, decision_number="12/QĐ-UBND"),
                     ModelAssessment(campaign_id=w.campaign.id, area_id=w.commune_b.id, assessed_on=date(2026, 8, 1),
                                     meets_standard=False)])
    session.flush()
    assert model_figures(session, w.province, *YEAR).recognised_areas == 1
    assert model_figures(session, w.province, date(2025, 1, 1), date(2025, 12, 31)).recognised_areas == 0


def test_a_model_share_target_counts_villages_with_a_running_model(session):
    w = target_world(session)
    thon_1, _thon_2 = village(session, w.commune_a, "Thôn Một"), village(session, w.commune_a, "Thôn Hai")
    add_model(session, thon_1, started_on=date(2026, 11, 10))
    target = add_target(session, w.campaign, TargetKind.MODEL_SHARE, 50, unit="%")
    result = progress(session, target, today=date(2026, 11, 20), zone=ZONE)
    assert (result.kind, result.current, result.goal) == (FigureKind.RECORDED, 50.0, 50)
    assert progress(session, target, today=date(2026, 11, 5), zone=ZONE).current == 0.0
