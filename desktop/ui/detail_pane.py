"""Everything about the selected contractor, read-only, with the tax ID masked."""

from __future__ import annotations

import datetime as dt
from html import escape
from zoneinfo import ZoneInfo

from PySide6.QtWidgets import QTextBrowser, QWidget

from desktop.core.contractor import mask_tax_id
from desktop.core.enums import (
    Channel,
    ContractorKind,
    ContractorStatus,
    EngagementStatus,
    RateUnit,
    Source,
    TaxForm,
)
from desktop.core.formats import date_text, datetime_text, month_year, time_text
from desktop.core.money import format_money
from desktop.core.phone import display_phone
from desktop.core.reference import country_name
from desktop.store.contractors import ContractorRecord
from desktop.store.engagements import EngagementRow
from desktop.store.health import Health
from desktop.ui.colours import muted, note_colours
from desktop.ui.i18n import QT_TR_NOOP, tr

_CSS = """
h1 { font-size: 17pt; margin: 0 0 2px 0; }
.sub { color: %(muted)s; margin: 0 0 8px 0; }
.chip { font-weight: 600; }
h3 { font-size: 10pt; color: %(muted)s; margin: 14px 0 4px 0; text-transform: uppercase; }
td.k { color: %(muted)s; padding: 1px 12px 1px 0; white-space: nowrap; vertical-align: top; }
td.v { padding: 1px 0; }
.warn { color: #9a6700; }
.demo { background: %(back)s; color: %(text)s; padding: 4px; }
"""
_STATUS_COLOURS = {"active": "#1b7f3b", "prospect": "#1f5fa8", "paused": "#9a6700",
                   "former": "#6e7781", "blocked": "#b42318"}
_PER_UNIT = {RateUnit.HOUR: QT_TR_NOOP("{amount} per hour"),
             RateUnit.DAY: QT_TR_NOOP("{amount} per day"),
             RateUnit.MONTH: QT_TR_NOOP("{amount} per month"),
             RateUnit.FIXED: QT_TR_NOOP("{amount} fixed")}


def _rate_text(amount: str, unit: str) -> str:
    return tr(_PER_UNIT[RateUnit(unit)]).format(amount=amount)


def _heading(text: str) -> str:
    return f"<h3>{text}</h3>"


def _sub(text: str) -> str:
    return f"<p class='sub'>{text}</p>"


def _warn(text: str) -> str:
    return f"<span class='warn'>{text}</span>"


class DetailPane(QTextBrowser):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setOpenExternalLinks(True)
        back, text, _border = note_colours(self.palette(), "demo")
        self.document().setDefaultStyleSheet(
            _CSS % {"back": back, "text": text, "muted": muted(self.palette()).name()})
        self.setMinimumWidth(300)
        self.home_country = ""  # the business's: its phone numbers show as dialled at home
        self._shown: tuple[ContractorRecord | None, int, Health | None,
                           list[EngagementRow] | None] = (None, 0, None, None)
        self.show_record(None)

    def set_home_country(self, country: str) -> None:
        if country != self.home_country:
            self.home_country = country
            record, count, health, engagements = self._shown
            self.show_record(record, count=count, health=health, engagements=engagements)

    def show_record(self, record: ContractorRecord | None, *, count: int = 0,
                    health: Health | None = None,
                    engagements: list[EngagementRow] | None = None) -> None:
        self._shown = (record, count, health, engagements)
        if record is None:
            text = tr("Select a contractor to see everything about them here.")
            if count > 1:
                text += "<br><br>" + tr("%n selected.", "", count)
            self.setHtml(_sub(text))
            return
        self.setHtml(render(record, health=health, engagements=engagements,
                            home_country=self.home_country))


def render(record: ContractorRecord, today: dt.date | None = None, *,
           health: Health | None = None, engagements: list[EngagementRow] | None = None,
           home_country: str = "") -> str:
    d = record.data
    today = today or dt.date.today()
    status = ContractorStatus(d.status)
    colour = _STATUS_COLOURS.get(status.value, "#000")
    sub = " · ".join(p for p in (escape(d.company), ContractorKind(d.kind).label) if p)
    parts = [f"<h1>{escape(d.display_name)}</h1>",
             f"<p class='sub'>{sub} &nbsp; <span class='chip' style='color:{colour}'>"
             f"{status.label}</span>"
             + (" · <b>" + tr("archived", "a contractor put away") + "</b>"
                if record.archived_at else "") + "</p>"]
    if record.is_demo:
        parts.append("<p class='demo'>"
                     + tr("Demo data: remove it all from File ▸ Remove demo data.") + "</p>")

    def section(title: str, rows: list[tuple[str, str]]) -> None:
        rows = [(k, v) for k, v in rows if v]
        if rows:
            parts.append(_heading(title) + "<table>" + "".join(
                f"<tr><td class='k'>{k}</td><td class='v'>{v}</td></tr>" for k, v in rows)
                + "</table>")

    local_time = ""
    if d.timezone:
        now = dt.datetime.now(ZoneInfo(d.timezone))
        # The clock in their zone, not converted to this computer's.
        local_time = tr("{zone} (now {time})").format(
            zone=escape(d.timezone), time=time_text(now.replace(tzinfo=None)))
    section(tr("Contact"), [
        (tr("Email"),
         f"<a href='mailto:{escape(d.email)}'>{escape(d.email)}</a>" if d.email else ""),
        (tr("Phone"), escape(display_phone(d.phone, home_country, d.country))),
        (tr("Website"),
         f"<a href='{escape(d.website)}'>{escape(d.website)}</a>" if d.website else ""),
        (tr("Prefers"), Channel(d.preferred_channel).label),
        (tr("Address"), escape(d.address).replace("\n", "<br>")),
        (tr("Country"), escape(f"{country_name(d.country)} ({d.country})") if d.country else ""),
        (tr("Time zone"), local_time),
    ])
    rate = ("" if d.rate_minor is None
            else _rate_text(format_money(d.rate_minor, d.currency), d.rate_unit))
    section(tr("Work"), [(tr("Rate"), escape(rate)), (tr("Skills"), escape(", ".join(d.tags))),
                         (tr("Legal name"), escape(d.legal_name)),
                         (tr("Source"), Source(d.source).label)])
    form = TaxForm(d.tax_form)
    form_text = (_warn(tr("none on file")) if form is TaxForm.NONE
                 else tr("{form}, received {day}").format(form=form.label,
                                                          day=date_text(d.tax_form_on))
                 if d.tax_form_on else form.label)
    identity = (tr("verified {day}").format(day=date_text(d.identity_verified_on))
                if d.identity_verified_on
                else _warn(tr("not verified")))
    section(tr("Tax and identity"), [(tr("Tax ID"), escape(mask_tax_id(d.tax_id)) or "—"),
                                     (tr("Tax form"), form_text), (tr("Identity"), identity)])
    if health is not None:
        parts.append(_health(health))
    if engagements:
        parts.append(_heading(tr("Engagements")) + "<table>" + "".join(
            f"<tr><td class='k'>{EngagementStatus(e.status).label}</td><td class='v'>"
            f"{escape(e.title)}"
            + (f" · {format_money(e.value_minor, e.currency)}" if e.value_minor is not None else "")
            + "</td></tr>" for e in engagements) + "</table>")
    if d.notes:
        parts.append(_heading(tr("Notes"))
                     + f"<p>{escape(d.notes).replace(chr(10), '<br>')}</p>")
    added, updated = date_text(record.created_at), datetime_text(record.updated_at)
    footer = (tr("Added {added} · updated {updated} by {person}").format(
        added=added, updated=updated, person=escape(record.changed_by)) if record.changed_by
        else tr("Added {added} · updated {updated}").format(added=added, updated=updated))
    parts.append(f"<p class='sub' style='margin-top:14px'>{footer}</p>")
    return "".join(parts)


def _health(health: Health) -> str:
    """Mistake 3 in numbers: do we pay on time, and how good has the work been?"""
    rows: list[tuple[str, str]] = []
    record = health.on_time
    if record.rate is not None:
        counts = {"percent": f"{record.rate:.0%}", "on_time": record.on_time,
                  "counted": record.counted}
        rows.append((tr("We pay on time"), tr(
            "{percent} ({on_time} of {counted}, late ones by %n day(s) on average)", "",
            round(record.average_days_late)).format(**counts)
            if record.on_time < record.counted
            else tr("{percent} ({on_time} of {counted})").format(**counts)))
    if health.paid:
        rows.append((tr("Paid so far"),
                     ", ".join(format_money(v, c) for c, v in health.paid.items())))
    if health.engagements:
        rows.append((tr("Engagements"), tr("{count} since {month}").format(
            count=health.engagements, month=month_year(health.working_since))
            if health.working_since else str(health.engagements)))
    if health.ratings:
        r = health.ratings
        rows.append((tr("Rated"), tr(
            "{average} / 5 over {count} (quality {quality}, on time {timeliness}, communication "
            "{communication}, value {value}); would rehire {rehire} of {count}").format(
            average=f"{r.average:.1f}", count=r.count, quality=f"{r.quality:.1f}",
            timeliness=f"{r.timeliness:.1f}", communication=f"{r.communication:.1f}",
            value=f"{r.value:.1f}", rehire=r.would_rehire)))
    if len(health.rates) > 1:
        rows.append((tr("Rate history"), "<br>".join(
            f"{date_text(e.changed_on)}: " + _rate_text(
                "—" if e.rate_minor is None else format_money(e.rate_minor, e.currency),
                e.rate_unit) for e in health.rates)))
    if not rows:
        return ""
    return _heading(tr("Working together")) + "<table>" + "".join(
        f"<tr><td class='k'>{k}</td><td class='v'>{v}</td></tr>" for k, v in rows) + "</table>"
