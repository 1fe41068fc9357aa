"""Which program wrote a contact file, and which of its columns mean what.

Headers are compared after folding case, accents, spacing and punctuation, so "  E-Mail ",
"e-mail" and "EMAIL" are one header. A known export is recognised by headers only it has; any
other file is mapped through synonyms, and what is left is for the user to map by hand.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from desktop.core.i18n import _

# Where a column can go. "" ignores it; "note" keeps "Header: value" in the notes.
TARGETS: dict[str, str] = {
    "": _("(ignore)"),
    "name": _("Name"),
    "first_name": _("First name"),
    "middle_name": _("Middle name"),
    "last_name": _("Last name"),
    "company": _("Company"),
    "alias": _("Display name (when there is no person or company name)"),
    "legal_name": _("Legal name"),
    "kind": _("Kind"),
    "email": _("Email"),
    "other_email": _("Other email"),
    "phone": _("Phone"),
    "mobile": _("Mobile"),
    "website": _("Website"),
    "address": _("Address (whole)"),
    "street": _("Street / address line"),
    "city": _("City"),
    "region": _("State / region"),
    "postcode": _("Postcode"),
    "country": _("Country"),
    "timezone": _("Time zone"),
    "tax_id": _("Tax ID"),
    "tax_form": _("Tax form"),
    "tax_form_on": _("Tax form received"),
    "rate": _("Rate"),
    "rate_hour": _("Hourly rate"),
    "rate_day": _("Day rate"),
    "rate_unit": _("Rate unit"),
    "currency": _("Currency"),
    "tags": _("Skills / tags"),
    "status": _("Status"),
    "preferred_channel": _("Preferred channel"),
    "source": _("Source"),
    "identity_verified_on": _("Identity verified on"),
    "start_date": _("Start date (kept in notes)"),
    "archived": _("Archived on"),
    "notes": _("Notes"),
    "note": _("Other (kept in notes)"),
}
_NOT_WORD = re.compile(r"[^0-9a-z]+")
DATE_TARGETS = frozenset({"tax_form_on", "identity_verified_on", "start_date", "archived"})
RATE_TARGETS = frozenset({"rate", "rate_hour", "rate_day"})


def fold(header: str) -> str:
    """One spelling per header: "  *E-Mail Adresse" and "e_mail adresse" are the same."""
    if header.isascii():  # nothing to compose, decompose or spell out: lower is casefold
        return _NOT_WORD.sub(" ", header.strip().lstrip("*").lower()).strip()
    return _fold_unicode(header)


def _fold_unicode(header: str) -> str:
    text = unicodedata.normalize("NFC", header).strip().lstrip("*").casefold()
    for umlaut, spelled in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(umlaut, spelled)  # German writes "Waehrung" when it cannot "Währung"
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return _NOT_WORD.sub(" ", text).strip()


def _words(table: dict[str, str]) -> dict[str, str]:
    return {fold(k): v for k, v in table.items()}


# Headers people and programs use, by target; umlauts and "ae"/"oe"/"ue" spellings both fold in.
_SYNONYMS = _words({
    **dict.fromkeys(["name", "full name", "display name", "contact name", "contractor",
                     "contractor name", "freelancer", "contact", "client name", "nom", "nom complet",
                     "nombre", "naam", "nome", "vollstaendiger name"], "name"),
    **dict.fromkeys(["first name", "firstname", "given name", "forename", "vorname", "prenom",
                     "nombre de pila"], "first_name"),
    **dict.fromkeys(["middle name", "additional name", "middlename"], "middle_name"),
    **dict.fromkeys(["last name", "lastname", "family name", "surname", "nachname",
                     "nom de famille", "apellido", "apellidos"], "last_name"),
    **dict.fromkeys(["company", "company name", "organization", "organisation",
                     "organization name", "organisation name", "organization 1 name", "business",
                     "business name", "firma", "firmenname", "unternehmen", "societe",
                     "entreprise", "empresa", "bedrijf", "vendor", "supplier"], "company"),
    **dict.fromkeys(["legal name", "registered name", "legal entity"], "legal_name"),
    **dict.fromkeys(["kind", "type", "contractor type"], "kind"),
    **dict.fromkeys(["email", "e mail", "email address", "e mail address", "emailaddress",
                     "e mail 1 value", "mail", "courriel", "adresse e mail", "correo",
                     "correo electronico", "e mail adresse", "email adresse"], "email"),
    **dict.fromkeys(["e mail 2 address", "e mail 3 address", "e mail 2 value", "e mail 3 value",
                     "other email", "secondary email"], "other_email"),
    **dict.fromkeys(["phone", "phone number", "phonenumber", "telephone", "telephone number",
                     "tel", "business phone", "primary phone", "work phone", "phone 1 value",
                     "phone numbers", "telefon", "telefonnummer", "telefono", "telefoon"],
                    "phone"),
    **dict.fromkeys(["mobile", "mobile phone", "mobile number", "mobilenumber", "cell",
                     "cell phone", "cellphone", "handy", "mobil", "mobiltelefon", "portable",
                     "movil", "phone 2 value"], "mobile"),
    **dict.fromkeys(["website", "web site", "web page", "webpage", "url", "homepage",
                     "website 1 value", "webseite", "site web", "sitio web"], "website"),
    **dict.fromkeys(["address", "billing address", "mailing address", "postal address",
                     "address 1 formatted", "adresse", "anschrift", "direccion"], "address"),
    **dict.fromkeys(["street", "street address", "address line 1", "address line 2",
                     "address 1", "address 2", "address1", "address2", "poaddressline1",
                     "poaddressline2", "poaddressline3", "poaddressline4", "business street",
                     "address 1 street", "strasse", "rue"], "street"),
    **dict.fromkeys(["city", "town", "pocity", "business city", "address 1 city", "ort",
                     "stadt", "ville", "ciudad"], "city"),
    **dict.fromkeys(["state", "region", "province", "province state", "state province",
                     "county", "poregion", "business state", "address 1 region", "bundesland"],
                    "region"),
    **dict.fromkeys(["postcode", "post code", "postal code", "zip", "zip code", "zipcode",
                     "popostalcode", "business postal code", "address 1 postal code", "plz",
                     "postleitzahl", "code postal", "cp", "codigo postal"], "postcode"),
    **dict.fromkeys(["country", "country region", "pocountry", "business country region",
                     "address 1 country", "business country", "land", "pays", "pais"],
                    "country"),
    **dict.fromkeys(["time zone", "timezone", "zeitzone", "fuseau horaire"], "timezone"),
    **dict.fromkeys(["tax id", "taxnumber", "tax number", "tin", "ein", "vat number", "vat id",
                     "ust idnr", "ust id", "steuernummer", "steuer id", "numero tva", "siret",
                     "business id"], "tax_id"),
    **dict.fromkeys(["tax form"], "tax_form"),
    **dict.fromkeys(["tax form received", "tax form on", "w 9 received", "w9 received"],
                    "tax_form_on"),
    **dict.fromkeys(["rate", "default rate", "billing rate", "bill rate", "fee", "price",
                     "honorar", "tarif", "tarifa"], "rate"),
    **dict.fromkeys(["hourly rate", "rate per hour", "hour rate", "stundensatz",
                     "stundenlohn", "taux horaire", "tarifa por hora"], "rate_hour"),
    **dict.fromkeys(["day rate", "daily rate", "rate per day", "tagessatz", "taux journalier",
                     "tjm", "tarifa diaria"], "rate_day"),
    **dict.fromkeys(["rate unit", "unit", "per", "einheit"], "rate_unit"),
    **dict.fromkeys(["currency", "currency code", "waehrung", "devise", "moneda",
                     "valuta"], "currency"),
    **dict.fromkeys(["tags", "tag", "skills", "skill", "skills tags", "labels", "categories",
                     "category", "group membership", "trade", "specialty", "speciality",
                     "faehigkeiten", "kenntnisse", "kompetenzen", "competences", "habilidades"],
                    "tags"),
    **dict.fromkeys(["status", "state of contractor"], "status"),
    **dict.fromkeys(["preferred channel", "channel"], "preferred_channel"),
    **dict.fromkeys(["source", "found via", "referred by"], "source"),
    **dict.fromkeys(["identity verified on", "id verified", "identity verified", "verified on",
                     "ausweis geprueft", "ausweis geprueft am", "verifie le", "verificado"],
                    "identity_verified_on"),
    **dict.fromkeys(["start date", "since", "contract start", "started", "vertragsbeginn",
                     "seit", "date de debut", "fecha de inicio"], "start_date"),
    **dict.fromkeys(["archived on", "archived"], "archived"),
    **dict.fromkeys(["notes", "note", "comments", "comment", "remarks", "notizen", "bemerkung",
                     "bemerkungen", "remarques", "notas"], "notes"),
})


@dataclass(frozen=True)
class Layout:
    key: str
    label: str
    signature: frozenset[str]  # folded headers that only this export has together
    overrides: dict[str, str] = field(default_factory=dict)  # folded header -> target
    keep_unmapped: bool = False  # unmapped columns go to the notes instead of being ignored
    deleted_suffix: str = ""  # a name ending in this marks an inactive record
    neutralised: bool = False  # cells carry the apostrophe our own export puts before "=+-@"


def _layout(key: str, label: str, signature: Sequence[str], overrides: dict[str, str] | None = None,
            **options: object) -> Layout:
    return Layout(key, label, frozenset(fold(h) for h in signature), _words(overrides or {}),
                  **options)  # type: ignore[arg-type]


LAYOUTS: tuple[Layout, ...] = (
    _layout("crewbook", _("Crewbook export"),
            ["Display name", "Rate unit", "Preferred channel", "Identity verified on"],
            {"Display name": "name", "Default rate": "rate"}, neutralised=True),
    _layout("xero", _("Xero contacts"),
            ["*ContactName", "EmailAddress", "POAddressLine1"],
            {"ContactName": "company", "AccountNumber": "", "POAttentionTo": "",
             "SAAttentionTo": "", "SAAddressLine1": "", "SAAddressLine2": "", "SAAddressLine3": "",
             "SAAddressLine4": "", "SACity": "", "SARegion": "", "SAPostalCode": "",
             "SACountry": "", "FaxNumber": "", "DDINumber": "", "SkypeName": "note",
             "MobileNumber": "mobile", "PhoneNumber": "phone", "TaxNumber": "tax_id",
             "LegalName": "legal_name", "Website": "website"}),
    _layout("quickbooks_vendors", _("QuickBooks vendor contact list"),
            ["Vendor", "Phone Numbers"],
            {"Vendor": "alias", "Company": "company", "Full Name": "name",
             "Billing Address": "address", "Account #": "note", "Account": "note",
             "1099 Tracking": "note", "Track 1099": "note", "Open balance": "note",
             "Balance": "note"},
            deleted_suffix="(deleted)"),
    _layout("outlook", _("Outlook contacts"),
            ["First Name", "Last Name", "E-mail Address", "Business Street"],
            {"Title": "", "Suffix": "", "Initials": "", "Gender": "", "Birthday": "",
             "Anniversary": "", "E-mail Display Name": "", "E-mail Type": "", "Priority": "",
             "Sensitivity": "", "Private": "", "Categories": "tags", "Web Page": "website",
             "Notes": "notes", "Company": "company", "Business Phone": "phone",
             "Mobile Phone": "mobile", "Primary Phone": "phone"}),
    _layout("google_legacy", _("Google Contacts (older export)"),
            ["Given Name", "Family Name", "E-mail 1 - Value", "Group Membership"],
            {"Name": "name", "Organization 1 - Name": "company", "Phone 1 - Value": "phone",
             "Phone 2 - Value": "mobile", "Address 1 - Formatted": "address",
             "Address 1 - Street": "", "Address 1 - City": "", "Address 1 - Region": "",
             "Address 1 - Postal Code": "", "Address 1 - Country": "country",
             "Organization 1 - Title": "note"}),
    _layout("google", _("Google Contacts"),
            ["First Name", "Last Name", "E-mail 1 - Value", "Labels"],
            {"Organization Name": "company", "Organization Title": "note", "File As": "",
             "Phone 1 - Value": "phone", "Phone 2 - Value": "mobile",
             "Address 1 - Formatted": "address", "Address 1 - Street": "",
             "Address 1 - City": "", "Address 1 - Region": "", "Address 1 - Postal Code": "",
             "Address 1 - PO Box": "", "Address 1 - Extended Address": "",
             "Address 1 - Country": "country", "Birthday": ""}),
    _layout("freshbooks", _("FreshBooks clients"),
            ["Organization", "First Name", "Last Name", "Email", "Province/State"],
            {"Organization": "company", "Address Line 1": "street",
             "Address Line 2": "street", "Province/State": "region", "Business Phone": "phone",
             "Mobile Phone": "mobile", "Home Phone": "", "Fax": "", "Language": "",
             "Currency Code": "currency"}),
)
SPREADSHEET = Layout("spreadsheet", _("Spreadsheet"), frozenset(), keep_unmapped=True)
UNKNOWN = Layout("unknown", _("Unrecognised layout"), frozenset(), keep_unmapped=True)
NAME_TARGETS = ("name", "first_name", "last_name", "company", "alias")


def synonym(header: str) -> str | None:
    return _SYNONYMS.get(fold(header))


def detect(headers: Sequence[str]) -> Layout:
    """The export these headers come from; SPREADSHEET when synonyms name the person or company,
    UNKNOWN when only a hand-made mapping can tell."""
    folded = {fold(h) for h in headers}
    for layout in LAYOUTS:
        if layout.signature <= folded:
            return layout
    if any(_SYNONYMS.get(fold(h)) in NAME_TARGETS for h in headers):
        return SPREADSHEET
    return UNKNOWN


def auto_mapping(layout: Layout, headers: Sequence[str]) -> list[str]:
    """A target for each column. Several columns may share one: the first with a value wins
    (Outlook leaves "Primary Phone" empty and fills "Business Phone")."""
    mapping = []
    for header in headers:
        key = fold(header)
        target = layout.overrides.get(key, _SYNONYMS.get(key))
        if target is None:
            target = "note" if layout.keep_unmapped and key else ""
        mapping.append(target)
    return mapping


_LOOKS_LIKE = (
    ("email", re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")),
    ("website", re.compile(r"^(https?://|www\.)\S+$", re.IGNORECASE)),
    ("phone", re.compile(r"^\+?[\d ()./-]{7,}$")),
)


def guess_target(values: Sequence[str], taken: set[str]) -> str | None:
    """What a column nobody named holds, judged by its values: emails, web addresses, phones.
    Names are never guessed; the user says which column holds them."""
    filled = [v.strip() for v in values if v.strip()]
    if not filled:
        return None
    for target, pattern in _LOOKS_LIKE:
        if target not in taken and sum(1 for v in filled if pattern.match(v)) >= 0.8 * len(filled):
            return target
    return None


def layout_key(headers: Sequence[str]) -> str:
    """A short fingerprint of a header row, to remember a hand-made mapping by."""
    return hashlib.sha256("\x1f".join(fold(h) for h in headers).encode()).hexdigest()[:16]
