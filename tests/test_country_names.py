"""Countries written in any language become their ISO code on import."""

import pytest

from desktop.core.country_names import country_code


@pytest.mark.parametrize(("text", "code"), [
    ("Deutschland", "DE"), ("Österreich", "AT"), ("Espanha", "ES"), ("日本", "JP"),
    ("Россия", "RU"), ("ألمانيا", "DE"), ("中国", "CN"), ("Polska", "PL"), ("Sverige", "SE"),
    ("United States", "US"), ("U.S.A.", "US"), ("UK", "GB"), ("Czechia", "CZ"),
    ("Czech Republic", "CZ"), ("DEU", "DE"), ("de", "DE"), ("  Schweiz ", "CH"),
    ("ESPAÑA", "ES"), ("Espana", "ES"), ("Türkiye", "TR"),
])
def test_a_country_is_found_by_its_name_in_any_language(text, code):
    assert country_code(text) == code


@pytest.mark.parametrize("text", ["", "   ", "ZZ", "Atlantis", "Kongo", "---"])
def test_no_code_for_an_unknown_or_shared_name(text):
    # "Kongo" names both Congos in some languages, so it says neither
    assert country_code(text) is None
