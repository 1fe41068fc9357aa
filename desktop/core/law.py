"""Rules with legal sources that scoring and the tax checks apply, kept as data in
``resources/law/*.json`` (each with its source and the day it was last checked) rather than
as literals in the logic. Rules the owner edits (payment rules, reporting thresholds,
reference rates) live in the database instead."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any


@dataclass(frozen=True)
class Sourced:
    country: str
    region: str
    source: str
    checked_on: dt.date


@dataclass(frozen=True)
class InformationReturn:
    jurisdiction: str  # the reporting_threshold rows' jurisdiction and form
    form: str
    currency: str  # only payments in it count
    reported_by_processor: tuple[str, ...]  # payment methods someone else reports
    source: str
    checked_on: dt.date


def _read(name: str) -> Any:
    return json.loads(files("desktop.resources").joinpath(f"law/{name}").read_text("utf-8"))


def _sourced(raw: dict[str, str]) -> Sourced:
    return Sourced(raw["country"], raw.get("region", ""), raw["source"],
                   dt.date.fromisoformat(raw["checked_on"]))


@cache
def abc_test() -> tuple[Sourced, ...]:
    """The places where the ABC test decides employee status."""
    return tuple(_sourced(raw) for raw in _read("classification.json")["abc_test"])


@cache
def common_law() -> Sourced:
    """The country whose common-law control test applies outside the ABC-test places."""
    return _sourced(_read("classification.json")["common_law"])


@cache
def form_1099_nec() -> InformationReturn:
    raw = _read("information_returns.json")["form_1099_nec"]
    return InformationReturn(raw["jurisdiction"], raw["form"], raw["currency"],
                             tuple(raw["reported_by_processor"]), raw["source"],
                             dt.date.fromisoformat(raw["checked_on"]))
