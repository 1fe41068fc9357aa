"""The business profile (one row), read and saved as a plain core object with its version."""

from __future__ import annotations

from dataclasses import dataclass, fields

from sqlalchemy.orm.exc import StaleDataError

from desktop.core.i18n import _
from desktop.core.profile import ProfileData
from desktop.core.validation import ConflictError
from desktop.store.db import Store
from desktop.store.models import BusinessProfile

_FIELDS = [f.name for f in fields(ProfileData)]


@dataclass(frozen=True)
class ProfileRecord:
    version: int  # 0 while the profile was never saved
    profile: ProfileData


def get_profile(store: Store) -> ProfileRecord:
    with store.reading() as session:
        row = session.get(BusinessProfile, 1)
        if row is None:
            return ProfileRecord(0, ProfileData())
        return _record(row)


def save_profile(store: Store, profile: ProfileData, expected_version: int) -> ProfileRecord:
    """Save over the version that was read (0: the first save)."""
    try:
        with store.transaction() as session:
            row = session.get(BusinessProfile, 1)
            if (row.version if row is not None else 0) != expected_version:
                raise _changed()
            if row is None:
                row = BusinessProfile(id=1)
                session.add(row)
            for name in _FIELDS:
                if getattr(row, name, None) != getattr(profile, name):
                    setattr(row, name, getattr(profile, name))
            session.flush()
            return _record(row)
    except StaleDataError:
        raise _changed() from None


def _changed() -> ConflictError:
    return ConflictError(_("the business profile was changed elsewhere after you opened it; "
                           "reload it and make your change again"))


def _record(row: BusinessProfile) -> ProfileRecord:
    values = {name: getattr(row, name) for name in _FIELDS}
    values["name"], values["country"] = values["name"] or "", values["country"] or ""
    values["region"] = values["region"] or ""
    return ProfileRecord(row.version, ProfileData(**values))
