"""Roster sort keys: a collation key stored with each contractor's display name, company and
email (desktop.core.collation.name_key), so the database and the window sort names in one
order, on SQLite and PostgreSQL alike. Every existing contractor gets its keys.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04
"""

import unicodedata
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Each key column and the text it is made from.
KEYS = {'name_key': 'display_name', 'company_key': 'company', 'email_key': 'email'}
BATCH = 1000


def _empty_key() -> sa.TextClause:
    """The constant an added NOT NULL column needs on SQLite, as each database spells an empty
    byte string ('' is text to SQLite, and X'' is a bit string to PostgreSQL). It stays the
    columns' default: taking a default off on SQLite copies the table, and with foreign keys
    on, dropping the old copy runs the ON DELETE rules of the contractor's children. The store
    always writes the keys itself."""
    return sa.text("X''" if op.get_bind().dialect.name == 'sqlite' else "''")


def upgrade() -> None:
    for key in KEYS:
        op.add_column('contractor', sa.Column(key, sa.LargeBinary(), nullable=False,
                                              server_default=_empty_key()))
    _fill_keys()
    for key in KEYS:
        op.create_index(op.f(f'ix_contractor_{key}'), 'contractor', [key], unique=False)


def _fill_keys() -> None:
    """Compute every contractor's keys in Python, a batch of rows at a time (no SQL collation
    can make them)."""
    contractor = sa.table('contractor', sa.column('id', sa.Integer()),
                          *(sa.column(text, sa.String()) for text in KEYS.values()),
                          *(sa.column(key, sa.LargeBinary()) for key in KEYS))
    read = (sa.select(contractor.c.id, *(contractor.c[text] for text in KEYS.values()))
            .where(contractor.c.id > sa.bindparam('after')).order_by(contractor.c.id)
            .limit(BATCH))
    write = (contractor.update().where(contractor.c.id == sa.bindparam('row_id'))
             .values({key: sa.bindparam(f'new_{key}') for key in KEYS}))
    connection = op.get_bind()
    after = 0
    while rows := connection.execute(read, {'after': after}).all():
        connection.execute(write, [
            {'row_id': row[0], **{f'new_{key}': name_key(text or '')
                                  for key, text in zip(KEYS, row[1:], strict=True)}}
            for row in rows])
        after = rows[-1][0]


def downgrade() -> None:
    for key in reversed(KEYS):
        op.drop_index(op.f(f'ix_contractor_{key}'), table_name='contractor')
        # A plain DROP COLUMN (SQLite 3.35+), not a batch copy of the contractor table.
        op.drop_column('contractor', key)


# --- name_key as this revision made the keys ----------------------------------------------------
# A frozen copy of desktop.core.collation.name_key (revisions import no app code), without its
# shortcut for printable ASCII, which gives the same keys. tests/test_migrations.py checks that
# the keys it writes are the ones the store writes. Changing the rules there means a new
# revision with its own copy that recomputes every key.

def _variable_weights() -> tuple[dict[str, str], list[str]]:
    """Printable ASCII that is not a letter or digit, in root order, and after each group
    (whitespace, punctuation, symbols, currency) a weight for that group's other characters."""
    weights: dict[str, str] = {}
    others: list[str] = []
    for group in (' ', '_-,;:!?.\'"()[]{}@*/\\&#%', '`^+<=>|~', '$'):
        for ch in group:
            weights[ch] = chr(len(weights) + len(others) + 1)
        others.append(chr(len(weights) + len(others) + 1))
    return weights, others


_VARIABLE, (_OTHER_SPACE, _OTHER_PUNCTUATION, _OTHER_SYMBOL, _OTHER_CURRENCY) = \
    _variable_weights()
_PUNCTUATION_ALIASES = {
    '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201b': "'", '\u02bc': "'", '\u2032': "'",
    '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u201f': '"', '\u2033': '"',
    '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-',
    '\u2212': '-',
}
_COMMON = _LOWER = '\x01'
_LOWER_VARIANT, _UPPER, _UPPER_VARIANT = '\x02', '\x03', '\x04'
# acute grave breve circumflex caron ring diaeresis double-acute tilde dot-above (stroke)
# cedilla ogonek macron comma-below dot-below macron-below hook-above horn (variant letter)
_MARKS = {mark: chr(2 + i) for i, mark in enumerate([
    '\u0301', '\u0300', '\u0306', '\u0302', '\u030c', '\u030a', '\u0308', '\u030b', '\u0303',
    '\u0307', 'stroke', '\u0327', '\u0328', '\u0304', '\u0326', '\u0323', '\u0331', '\u0309',
    '\u031b', 'variant'])}
_STROKE, _VARIANT = _MARKS.pop('stroke'), _MARKS.pop('variant')
_LETTERS = {
    'æ': ('ae', ''), 'œ': ('oe', ''), 'þ': ('th', ''),
    'ø': ('o', _STROKE), 'ł': ('l', _STROKE), 'đ': ('d', _STROKE), 'ħ': ('h', _STROKE),
    'ŧ': ('t', _STROKE), 'ƀ': ('b', _STROKE), 'ɨ': ('i', _STROKE), 'ƶ': ('z', _STROKE),
    'ǥ': ('g', _STROKE),
    'ð': ('d', _VARIANT), 'ı': ('i', _VARIANT), 'ŋ': ('n', _VARIANT), 'ĸ': ('q', _VARIANT),
}


def name_key(text: str) -> bytes:
    primary, secondary, tertiary = [], [], []
    for ch in text:
        p, s, t = _char_weights(ch)
        primary.append(p)
        secondary.append(s)
        tertiary.append(t)
    levels = [''.join(primary).encode('utf-8', 'surrogatepass'),
              ''.join(secondary).rstrip(_COMMON).encode('utf-8', 'surrogatepass'),
              ''.join(tertiary).rstrip(_LOWER).encode('ascii')]
    if not (text.isascii() and text.isprintable()):
        raw = text.encode('utf-8', 'surrogatepass')
        levels.append(raw.replace(b'\x01', b'\x01\x02').replace(b'\x00', b'\x01\x01'))
    return b'\x00'.join(levels)


def _char_weights(ch: str) -> tuple[str, str, str]:
    compatible = unicodedata.normalize('NFKD', ch)
    variant_form = compatible != unicodedata.normalize('NFD', ch)
    primary, secondary, tertiary = [], [], []
    for part in compatible:
        if _is_mark(part):
            secondary.append(_MARKS.get(part, part))
            continue
        if part.isspace():
            primary.append(_VARIABLE[' '] if part == ' ' else _OTHER_SPACE)
            secondary.append(_COMMON)
            tertiary.append(_LOWER if part == ' ' and not variant_form else _LOWER_VARIANT)
            continue
        category = unicodedata.category(part)
        if category in ('Cc', 'Cf'):
            continue
        upper = category in ('Lu', 'Lt')
        folded = unicodedata.normalize('NFKD', part.casefold())
        slots: list[tuple[str, list[str]]] = []
        for letter in folded:
            if _is_mark(letter):
                (slots[-1][1] if slots else secondary).append(_MARKS.get(letter, letter))
                continue
            letters, mark = _LETTERS.get(letter, (letter, ''))
            for one in letters:
                slots.append((_primary(one), [_COMMON]))
            if mark:
                slots[-1][1].append(mark)
        variant = variant_form or len(slots) > 1 or (not upper and folded != part)
        case = (_UPPER_VARIANT if variant else _UPPER) if upper else (
            _LOWER_VARIANT if variant else _LOWER)
        for weight, marks in slots:
            primary.append(weight)
            secondary.extend(marks)
            tertiary.append(case)
    return ''.join(primary), ''.join(secondary), ''.join(tertiary)


def _is_mark(ch: str) -> bool:
    return unicodedata.category(ch) == 'Mn'


def _primary(letter: str) -> str:
    if letter in _VARIABLE:
        return _VARIABLE[letter]
    if letter.isascii():
        return letter
    if letter in _PUNCTUATION_ALIASES:
        return _VARIABLE[_PUNCTUATION_ALIASES[letter]]
    category = unicodedata.category(letter)
    if category == 'Nd':
        return str(unicodedata.decimal(letter))
    if category[0] == 'Z':
        return _OTHER_SPACE
    if category[0] == 'P':
        return _OTHER_PUNCTUATION
    if category == 'Sc':
        return _OTHER_CURRENCY
    if category[0] == 'S':
        return _OTHER_SYMBOL
    return letter
