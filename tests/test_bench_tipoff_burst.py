"""The tip-off burst benchmark works at a small size: every submission gets a receipt, no read fails, and the
database holds exactly the tip-offs that were receipted. Not a timing test: figures come from `python -m bench.tipoff_burst`."""

from __future__ import annotations

from bench.tipoff_burst import MAX_COUNT, burst


def test_a_small_burst_while_reading_has_no_error_and_stores_every_receipted_tip_off():
    result = burst(count=12, read_seconds=0.5)
    assert result["send_errors"] == 0 and result["read_errors_alone"] == 0 and result["read_errors_during"] == 0
    assert result["receipts"] == result["distinct_codes"] == result["stored"] == 12
    assert result["reads_during"] > 0


def test_the_burst_is_bounded():
    assert MAX_COUNT <= 5000
