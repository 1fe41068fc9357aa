"""Where a rule applies and what it lets a contractor claim, as data:

- each payment rule lists the countries it applies in (the EU directive also in Norway, Iceland
  and Liechtenstein, through the EEA Agreement) and, for city ordinances, the city names;
- it sums contracts over its own window (120 days, or a calendar year);
- EU and UK rules carry their late-payment interest (a reference rate plus a margin) and the
  fixed compensation per late payment; reference rates are a table the owner keeps current;
- New York City, Los Angeles and Seattle ordinances are added;
- an engagement has a city, a notice period in days, weeks or months, and the reason, when one
  was recorded, for payment terms longer than a rule allows without express agreement.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-04
"""

import datetime as dt
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0011'
down_revision: str | None = '0010'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CHECKED = dt.date(2026, 12, 4)
# What the seeded rate histories are known to be complete up to: the app asks the owner to
# check for later changes.
RATES_CHECKED = dt.date(2025, 9, 1)
EU_AND_EEA = ("AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE "
              "IS LI NO")
NYC = "New York; New York City; NYC; Manhattan; Brooklyn; Queens; Bronx; The Bronx; Staten Island"

rule = sa.table("payment_rule", *(sa.column(c) for c in (
    "country", "region", "name", "written_contract_from_minor", "currency", "aggregation_days",
    "default_payment_days", "max_payment_days", "max_kind", "effective_from", "source",
    "checked_on", "created_at", "updated_at", "applies_in", "cities", "aggregation_window",
    "interest_reference", "interest_margin_bp", "compensation")))
rate = sa.table("reference_rate", *(sa.column(c) for c in (
    "series", "effective_from", "rate_bp", "source", "checked_on", "created_at", "updated_at")))

ECB = "ECB main refinancing operations rate (ecb.europa.eu, key ECB interest rates)"
BOE = "Bank of England Bank Rate (bankofengland.co.uk, Bank Rate history)"
ECB_RATES = ((2022, 7, 27, 50), (2022, 9, 14, 125), (2022, 11, 2, 200), (2022, 12, 21, 250),
             (2023, 2, 8, 300), (2023, 3, 22, 350), (2023, 5, 10, 375), (2023, 6, 21, 400),
             (2023, 8, 2, 425), (2023, 9, 20, 450), (2024, 6, 12, 425), (2024, 9, 18, 365),
             (2024, 10, 23, 340), (2024, 12, 18, 315), (2025, 2, 5, 290), (2025, 3, 12, 265),
             (2025, 4, 23, 240), (2025, 6, 11, 215))
BOE_RATES = ((2022, 12, 15, 350), (2023, 2, 2, 400), (2023, 3, 23, 425), (2023, 5, 11, 450),
             (2023, 6, 22, 500), (2023, 8, 3, 525), (2024, 8, 1, 500), (2024, 11, 7, 475),
             (2025, 2, 6, 450), (2025, 5, 8, 425), (2025, 8, 7, 400))


def upgrade() -> None:
    # A plain rename and ADD COLUMNs: no table copy, which would run children's ON DELETE rules.
    op.execute("ALTER TABLE engagement RENAME COLUMN notice_days TO notice_period")
    op.add_column('engagement', sa.Column('notice_unit', sa.String(length=8), nullable=False,
                                          server_default='days'))
    op.add_column('engagement', sa.Column('jurisdiction_city', sa.String(length=100),
                                          nullable=False, server_default=''))
    op.add_column('engagement', sa.Column('longer_terms_reason', sa.Text(), nullable=False,
                                          server_default=''))
    for name, kind in (('applies_in', sa.Text()), ('cities', sa.Text()),
                       ('aggregation_window', sa.String(length=16)),
                       ('interest_reference', sa.String(length=16)), ('compensation', sa.Text())):
        op.add_column('payment_rule', sa.Column(name, kind, nullable=False, server_default=''))
    op.add_column('payment_rule', sa.Column('interest_margin_bp', sa.Integer(), nullable=True))
    op.create_table(
        'reference_rate',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('series', sa.String(length=16), nullable=False),
        sa.Column('effective_from', sa.Date(), nullable=False),
        sa.Column('rate_bp', sa.Integer(), nullable=False),
        sa.Column('source', sa.Text(), nullable=False),
        sa.Column('checked_on', sa.Date(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.Column('version', sa.Integer(), server_default='1', nullable=False),
        sa.Column('changed_by', sa.String(length=120), server_default='', nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_reference_rate')),
        sa.UniqueConstraint('series', 'effective_from', name=op.f('uq_reference_rate_series')))
    _seed()
    if op.get_bind().dialect.name == 'postgresql':  # as 0006 and 0007 do for every table
        for event, rows in (('insert', 'NEW'), ('update', 'NEW'), ('delete', 'OLD')):
            op.execute(f"CREATE TRIGGER crewbook_notify_{event} AFTER {event.upper()} ON "
                       f"reference_rate REFERENCING {rows} TABLE AS changed_rows FOR EACH "
                       "STATEMENT EXECUTE FUNCTION crewbook_notify('settings', '')")
        op.execute('CREATE TRIGGER crewbook_changed_by BEFORE INSERT OR UPDATE ON reference_rate '
                   'FOR EACH ROW EXECUTE FUNCTION crewbook_changed_by()')


def _seed() -> None:
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    # Only the rows as shipped; a rule the owner already changed stays theirs.
    op.execute(rule.update().where(rule.c.country == "EU", rule.c.region == "")
               .values(applies_in=EU_AND_EEA, interest_reference="ECB", interest_margin_bp=800,
                       compensation="0=4000", currency="EUR", checked_on=CHECKED,
                       source="Directive 2011/7/EU, Articles 3, 4 and 6 (applied in Iceland, "
                              "Liechtenstein and Norway by the EEA Agreement): 30 days by "
                              "default; over 60 days only if expressly agreed and not grossly "
                              "unfair; interest at the reference rate plus 8 points; 40 EUR "
                              "per late payment"))
    op.execute(rule.update().where(rule.c.country == "GB", rule.c.region == "")
               .values(interest_reference="BOE", interest_margin_bp=800, currency="GBP",
                       compensation="0=4000;100000=7000;1000000=10000", checked_on=CHECKED,
                       source="Late Payment of Commercial Debts (Interest) Act 1998, sections "
                              "4 and 5A, as amended by SI 2013/395; SI 2002/1675 (rate: Bank "
                              "Rate plus 8 %): 30 days by default; over 60 days only if "
                              "expressly agreed and not grossly unfair; 40, 70 or 100 GBP by "
                              "the size of the debt"))
    op.execute(rule.update().where(rule.c.aggregation_days.is_not(None))
               .values(aggregation_window="days"))
    city = {"currency": "USD", "max_payment_days": None, "max_kind": "", "checked_on": CHECKED,
            "created_at": now, "updated_at": now, "applies_in": "", "interest_reference": "",
            "interest_margin_bp": None, "compensation": "", "default_payment_days": 30,
            "country": "US"}
    op.bulk_insert(rule, [
        {**city, "region": "NY", "cities": NYC, "name": "New York City Freelance Isn't Free Act",
         "written_contract_from_minor": 80_000, "aggregation_days": 120,
         "aggregation_window": "days", "effective_from": dt.date(2017, 5, 15),
         "source": "N.Y.C. Administrative Code sections 20-927 to 20-936 (Local Law 140 of "
                   "2016): written contract from 800 USD, alone or over 120 days; paid by the "
                   "agreed date or within 30 days of completion"},
        {**city, "region": "CA", "cities": "Los Angeles",
         "name": "Los Angeles Freelance Worker Protections Ordinance",
         "written_contract_from_minor": 60_000, "aggregation_days": None,
         "aggregation_window": "calendar_year", "effective_from": dt.date(2023, 7, 1),
         "source": "Los Angeles Ordinance No. 187782 (Municipal Code): written contract from "
                   "600 USD in a calendar year; paid by the agreed date or within 30 days"},
        {**city, "region": "WA", "cities": "Seattle",
         "name": "Seattle Independent Contractor Protections Ordinance",
         "written_contract_from_minor": 60_000, "aggregation_days": None,
         "aggregation_window": "calendar_year", "effective_from": dt.date(2022, 9, 1),
         "source": "Seattle Municipal Code chapter 14.34: terms in writing before work from "
                   "600 USD in a calendar year; paid by the agreed date or within 30 days of "
                   "completion"},
    ])
    op.bulk_insert(rate, [
        {"series": series, "effective_from": dt.date(y, m, d), "rate_bp": bp, "source": source,
         "checked_on": RATES_CHECKED, "created_at": now, "updated_at": now}
        for series, source, history in (("ECB", ECB, ECB_RATES), ("BOE", BOE, BOE_RATES))
        for y, m, d, bp in history])


def downgrade() -> None:
    op.execute(rule.delete().where(rule.c.cities != ""))
    op.drop_table('reference_rate')
    for name in ('applies_in', 'cities', 'aggregation_window', 'interest_reference',
                 'compensation', 'interest_margin_bp'):
        op.drop_column('payment_rule', name)
    for name in ('notice_unit', 'jurisdiction_city', 'longer_terms_reason'):
        op.drop_column('engagement', name)
    op.execute("ALTER TABLE engagement RENAME COLUMN notice_period TO notice_days")
