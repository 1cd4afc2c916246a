"""Benchmarks for Loa: each module measures one area against a baseline taken in the same run.

Run them all with `python -m bench` (or `python bench/run.py`); the list lives in bench/run.py.
"""
