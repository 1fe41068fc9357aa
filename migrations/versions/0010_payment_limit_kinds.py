"""What a rule's longest payment term means: a cap that cannot be agreed away (Illinois, 30
days after the work is provided), or a limit longer terms may pass only if expressly agreed and
not grossly unfair (the EU directive and the UK Act, 60 days). New York and California set a
30-day fallback for when no date is agreed, which the rules already hold as the default.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04
"""

import datetime as dt
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0010'
down_revision: str | None = '0009'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CHECKED = dt.date(2026, 12, 4)
IL_SOURCE = "820 ILCS 193/15(b)(3): paid no later than 30 days after the work is provided"

rule = sa.table("payment_rule", sa.column("country"), sa.column("region"),
                sa.column("max_payment_days"), sa.column("max_kind"), sa.column("source"),
                sa.column("checked_on"))


def upgrade() -> None:
    op.add_column('payment_rule', sa.Column('max_kind', sa.String(length=8), nullable=False,
                                            server_default=''))
    # Only the rows as shipped; a rule the owner already changed stays theirs.
    op.execute(rule.update().where(rule.c.country.in_(("EU", "GB")), rule.c.region == "",
                                   rule.c.max_payment_days == 60).values(max_kind="agreed"))
    op.execute(rule.update().where(rule.c.country == "US", rule.c.region == "IL",
                                   rule.c.max_payment_days.is_(None), rule.c.source == "820 ILCS 193")
               .values(max_payment_days=30, max_kind="cap", source=IL_SOURCE, checked_on=CHECKED))


def downgrade() -> None:
    op.execute(rule.update().where(rule.c.country == "US", rule.c.region == "IL",
                                   rule.c.source == IL_SOURCE)
               .values(max_payment_days=None, source="820 ILCS 193"))
    with op.batch_alter_table('payment_rule') as batch:
        batch.drop_column('max_kind')
