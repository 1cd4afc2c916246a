"""The reach benchmark works at a small size: its world, events, rollup job and reads, rollups equal to the raw events.

Not a timing test: the benchmark's own figures come from `python -m bench.reach`.
"""

from __future__ import annotations

from collections import Counter

from sqlalchemy import func, select

from bench.reach import read, roll_up
from bench.reach_world import MESSAGES, build_world, generate_events, load_events
from campaigns.models import ReachEvent, ReachSource

EVENTS = 20_000


def test_the_reach_benchmark_rolls_up_its_events_and_reads_the_same_figures_as_the_raw_events(
        engine, session_factory, database_url):
    world = build_world(session_factory)
    assert len(world.area_of_message) == MESSAGES and len(world.stations) == 150
    assert load_events(engine, world, EVENTS) == EVENTS
    # The same size gives the same events: runs on both databases load the same world.
    assert next(generate_events(world, 3_000)) == next(generate_events(world, 3_000))
    with session_factory() as session:
        metrics = Counter(dict(session.execute(select(ReachEvent.metric, func.count()).group_by(ReachEvent.metric)).all()))
        kinds = set(session.scalars(select(ReachEvent.source).distinct()))
    assert {"portal_view", "portal_visitor", "link_click", "loudspeaker_listeners", "total_view"} <= set(metrics)
    assert kinds == {ReachSource.MEASURED, ReachSource.ESTIMATED, ReachSource.REPORTED}
    seconds, rows = roll_up(database_url)
    assert 0 < rows < EVENTS
    # Each read is checked equal to its raw GROUP BY before it is timed; a difference raises.
    timings = read(database_url, world, rollup_runs=1, raw_runs=1)
    assert [t.label for t in timings] == ["reach_by_day (campaign)", "reach_by_area at the province",
                                          "reach_by_area at a commune", "reach_by_message (campaign)"]
    assert all(t.rows > 0 for t in timings)

