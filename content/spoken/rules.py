"""The tables the engine reads, as one value: the defaults, or the defaults with an admin's changes."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from functools import cached_property
from types import MappingProxyType

from content.spoken import tables


def _frozen(mapping: Mapping[str, str]) -> Mapping[str, str]:
    return MappingProxyType(dict(mapping))


def _alternation(words: Iterable[str]) -> str:
    """Longest first, so "PCCC&CNCH" wins over "PCCC" and "km/h" over "km"."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class SpokenRules:
    abbreviations: Mapping[str, str] = field(default_factory=lambda: _frozen(tables.ABBREVIATIONS))
    units: Mapping[str, str] = field(default_factory=lambda: _frozen(tables.UNITS))
    weekdays: Mapping[str, str] = field(default_factory=lambda: _frozen(tables.WEEKDAYS))
    currency_signs: tuple[str, ...] = tables.CURRENCY_SIGNS
    document_kinds: Mapping[str, str] = field(default_factory=lambda: _frozen(tables.DOCUMENT_KINDS))
    issuers: Mapping[str, str] = field(default_factory=lambda: _frozen(tables.ISSUERS))
    issuer_terms: Mapping[str, str] = field(default_factory=lambda: _frozen(tables.ISSUER_TERMS))
    dotted: Mapping[str, str] = field(default_factory=lambda: _frozen(tables.DOTTED_ABBREVIATIONS))
    road_codes: Mapping[str, str] = field(default_factory=lambda: _frozen(tables.ROAD_CODES))
    phone_labels: Mapping[str, str] = field(default_factory=lambda: _frozen(tables.PHONE_LABELS))
    address_words: tuple[str, ...] = tables.ADDRESS_WORDS
    address_followers: tuple[str, ...] = tables.ADDRESS_FOLLOWERS
    period_words: tuple[str, ...] = tables.PERIOD_WORDS
    roman_triggers: tuple[str, ...] = tables.ROMAN_TRIGGERS
    hotlines: tuple[str, ...] = tables.HOTLINES
    count_words: tuple[str, ...] = tables.COUNT_WORDS
    digits_context: tuple[str, ...] = tables.DIGITS_CONTEXT
    service_prefixes: tuple[str, ...] = tables.SERVICE_PREFIXES
    per_words: tuple[str, ...] = tables.PER_WORDS
    # What a removed link becomes, e.g. "trang thông tin điện tử của Công an xã"; None drops it silently.
    link_pointer: str | None = None
    # Raised when the engine itself reads differently, so spoken texts stored with the old stamp are read afresh.
    edition: int = tables.EDITION

    def with_changes(self, *, abbreviations: Mapping[str, str] | None = None,
                     link_pointer: str | None = None) -> SpokenRules:
        """These rules with an admin's dictionary entries laid over the defaults."""
        merged = {**self.abbreviations, **(abbreviations or {})}
        return replace(self, abbreviations=_frozen(merged), link_pointer=link_pointer or self.link_pointer)

    @cached_property
    def stamp(self) -> str:
        """A fingerprint of every table and setting: a spoken text read with other rules has another stamp."""
        values = {f.name: sorted(value.items()) if isinstance(value := getattr(self, f.name), Mapping) else value
                  for f in fields(self)}
        return hashlib.sha256(json.dumps(values, ensure_ascii=False, sort_keys=True).encode()).hexdigest()[:32]

    # Patterns are compiled once per rules value; the default value lives as long as the process.
    @cached_property
    def abbreviation_pattern(self) -> re.Pattern[str] | None:
        if not self.abbreviations:
            return None
        # Not inside a word, a date ("24/7/2025") or a dotted name ("TP.HCM" when only "TP" is known).
        return re.compile(rf"(?<![\w/])(?:{_alternation(self.abbreviations)})(?![\w/]|[.,]\w)")

    @cached_property
    def units_alternation(self) -> str:
        return _alternation(self.units)

    @cached_property
    def currency_alternation(self) -> str:
        return _alternation(self.currency_signs)


DEFAULT_RULES = SpokenRules()
