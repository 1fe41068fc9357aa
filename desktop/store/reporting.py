"""What every report needs from the business profile: the name on each page, the locale its
figures are written in, and where its tax year starts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from desktop.core.formats import resolve_locale
from desktop.core.i18n import _
from desktop.core.periods import tax_year
from desktop.store.db import Store
from desktop.store.models import BusinessProfile, Payment


@dataclass(frozen=True)
class BusinessInfo:
    name: str
    locale: str  # Babel locale for amounts and dates, e.g. "en_US", "de_DE"
    country: str
    base_currency: str
    tax_year_start: tuple[int, int]  # (month, day)

    def tax_year(self, year: int) -> tuple[dt.date, dt.date]:
        """First and last day of the tax year named ``year`` (the calendar year it starts in)."""
        period = tax_year(year, self.tax_year_start)
        return period.first, period.last


def business(store: Store) -> BusinessInfo:
    with store.reading() as session:
        profile = session.get(BusinessProfile, 1)
        if profile is None:
            return BusinessInfo(_("My business"), resolve_locale(""), "", "USD", (1, 1))
        return BusinessInfo(profile.name or _("My business"), resolve_locale(profile.locale),
                            profile.country, profile.base_currency,
                            (profile.tax_year_start_month, profile.tax_year_start_day))


def payment_currencies(store: Store) -> list[str]:
    """The currencies payments were made in, for a report's currency filter."""
    with store.reading() as session:
        return list(session.scalars(select(Payment.currency).distinct().order_by(Payment.currency)))
