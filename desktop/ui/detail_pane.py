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
from desktop.core.money import format_money
from desktop.core.phone import display_phone
from desktop.core.reference import country_name
from desktop.store.contractors import ContractorRecord
from desktop.store.engagements import EngagementRow
from desktop.store.health import Health
from desktop.ui.colours import muted, note_colours

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
            self.setHtml("<p class='sub'>Select a contractor to see everything about them here."
                         + (f"<br><br>{count} selected.</p>" if count > 1 else "</p>"))
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
             + (" · <b>archived</b>" if record.archived_at else "") + "</p>"]
    if record.is_demo:
        parts.append("<p class='demo'>Demo data: remove it all from File ▸ Remove demo data.</p>")

    def section(title: str, rows: list[tuple[str, str]]) -> None:
        rows = [(k, v) for k, v in rows if v]
        if rows:
            parts.append(f"<h3>{title}</h3><table>" + "".join(
                f"<tr><td class='k'>{k}</td><td class='v'>{v}</td></tr>" for k, v in rows)
                + "</table>")

    local_time = ""
    if d.timezone:
        now = dt.datetime.now(ZoneInfo(d.timezone))
        local_time = f"{escape(d.timezone)} (now {now:%H:%M})"
    section("Contact", [
        ("Email", f"<a href='mailto:{escape(d.email)}'>{escape(d.email)}</a>" if d.email else ""),
        ("Phone", escape(display_phone(d.phone, home_country, d.country))),
        ("Website", f"<a href='{escape(d.website)}'>{escape(d.website)}</a>" if d.website else ""),
        ("Prefers", Channel(d.preferred_channel).label),
        ("Address", escape(d.address).replace("\n", "<br>")),
        ("Country", escape(f"{country_name(d.country)} ({d.country})") if d.country else ""),
        ("Time zone", local_time),
    ])
    rate = ""
    if d.rate_minor is not None:
        unit = RateUnit(d.rate_unit)
        rate = format_money(d.rate_minor, d.currency) + (
            " fixed" if unit is RateUnit.FIXED else f" per {unit.label.lower()}")
    section("Work", [("Rate", escape(rate)), ("Skills", escape(", ".join(d.tags))),
                     ("Legal name", escape(d.legal_name)), ("Source", Source(d.source).label)])
    form = TaxForm(d.tax_form)
    form_text = ("<span class='warn'>none on file</span>" if form is TaxForm.NONE
                 else form.label + (f", received {d.tax_form_on:%d %b %Y}" if d.tax_form_on else ""))
    identity = (f"verified {d.identity_verified_on:%d %b %Y}" if d.identity_verified_on
                else "<span class='warn'>not verified</span>")
    section("Tax and identity", [("Tax ID", escape(mask_tax_id(d.tax_id)) or "—"),
                                 ("Tax form", form_text), ("Identity", identity)])
    if health is not None:
        parts.append(_health(health))
    if engagements:
        parts.append("<h3>Engagements</h3><table>" + "".join(
            f"<tr><td class='k'>{EngagementStatus(e.status).label}</td><td class='v'>"
            f"{escape(e.title)}"
            + (f" · {format_money(e.value_minor, e.currency)}" if e.value_minor is not None else "")
            + "</td></tr>" for e in engagements) + "</table>")
    if d.notes:
        parts.append(f"<h3>Notes</h3><p>{escape(d.notes).replace(chr(10), '<br>')}</p>")
    parts.append(f"<p class='sub' style='margin-top:14px'>Added {record.created_at.astimezone():%d %b %Y}"
                 f" · updated {record.updated_at.astimezone():%d %b %Y %H:%M}"
                 f"{f' by {escape(record.changed_by)}' if record.changed_by else ''}</p>")
    return "".join(parts)


def _health(health: Health) -> str:
    """Mistake 3 in numbers: do we pay on time, and how good has the work been?"""
    rows: list[tuple[str, str]] = []
    record = health.on_time
    if record.rate is not None:
        late = (f", late ones by {record.average_days_late:.0f} days on average"
                if record.on_time < record.counted else "")
        rows.append(("We pay on time", f"{record.rate:.0%} ({record.on_time} of {record.counted}"
                                       f"{late})"))
    if health.paid:
        rows.append(("Paid so far", ", ".join(format_money(v, c) for c, v in health.paid.items())))
    if health.engagements:
        since = f" since {health.working_since:%b %Y}" if health.working_since else ""
        rows.append(("Engagements", f"{health.engagements}{since}"))
    if health.ratings:
        r = health.ratings
        rows.append(("Rated", f"{r.average:.1f} / 5 over {r.count} (quality {r.quality:.1f}, "
                              f"on time {r.timeliness:.1f}, communication {r.communication:.1f}, "
                              f"value {r.value:.1f}); would rehire {r.would_rehire} of {r.count}"))
    if len(health.rates) > 1:
        rows.append(("Rate history", "<br>".join(
            f"{e.changed_on:%d %b %Y}: "
            + ("—" if e.rate_minor is None else format_money(e.rate_minor, e.currency))
            + f" per {RateUnit(e.rate_unit).label.lower()}" for e in health.rates)))
    if not rows:
        return ""
    return "<h3>Working together</h3><table>" + "".join(
        f"<tr><td class='k'>{k}</td><td class='v'>{v}</td></tr>" for k, v in rows) + "</table>"
