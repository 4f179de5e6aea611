"""The inter-service dashboard: the pure computation, the page's filters, its exports."""

import csv
import io
import re
from datetime import date
from decimal import Decimal
from io import BytesIO

import pytest
from openpyxl import load_workbook

from balises.cooperation import services
from balises.cooperation.dashboard import ActorInfo, Row, compute, year_series

from .samples import ACTEUR_PRIVE, ACTEUR_PUBLIC, make_cooperation

ACTORS = {
    1: ActorInfo("Service A", "service"),
    2: ActorInfo("Asso", "association"),
    3: ActorInfo("Service B", "service"),
}


def test_the_matrix_converts_fte_to_hours_and_puts_services_first():
    rows = [
        Row(1, 10, "temps", "etp", "year", 2020, Decimal("0.5")),
        Row(2, 10, "temps", "heures", "month", 2020, Decimal("2000")),
        Row(3, 11, "temps", "etp", "month", 2021, Decimal("1")),
        Row(2, 11, "argent", "euros", "year", 2021, Decimal("500")),
    ]
    board = compute(rows, ACTORS)
    assert board.cells[(1, 10)] == Decimal("803.5")
    assert board.acteur_ids[:2] == [1, 3]  # services first, then by load
    assert board.by_nature["argent"] == {"euros": Decimal("500")}
    assert board.load[0].acteur_id == 2
    transversal = {t.action_id: t for t in board.transversality}
    assert (transversal[10].services, transversal[10].kinds) == (1, 2)
    assert [y for y, _v in year_series(board, "heures")] == [2020, 2021]
    assert compute(rows, ACTORS, "euros").grand_total == Decimal("500")


def test_years_without_contributions_appear_as_zero_in_the_series():
    rows = [Row(1, 10, "argent", "euros", "year", y, Decimal(1)) for y in (2018, 2021)]
    assert [v for _y, v in year_series(compute(rows, ACTORS, "euros"), "euros")] == [1, 0, 0, 1]


pytestmark = pytest.mark.django_db


def _url(espace, suffix):
    return f"/espaces/{espace.slug}/cooperation/{suffix}"


def test_the_dashboard_shows_visible_contributions_only(espace_a, alice, as_user):
    make_cooperation(espace_a, alice)
    page = as_user(None).get(_url(espace_a, "tableau-de-bord/")).content.decode()
    assert ACTEUR_PUBLIC in page and ACTEUR_PRIVE not in page
    assert "<svg" in page and "style=" not in page


def test_filters_by_year_and_nature_narrow_the_totals(espace_a, alice, bob, as_user):
    made = make_cooperation(espace_a, alice)
    services.save_contribution(
        espace_a, alice,
        {"action": made["action"], "acteur": made["public"], "nature": "argent", "amount": "900",
         "unit": "euros", "period_start": date(2021, 1, 1), "period_kind": "year"},
    )  # fmt: skip
    client = as_user(bob)
    data = client.get(_url(espace_a, "tableau-de-bord.json"), {"nature": "argent"}).json()
    assert list(data["by_nature"]) == ["argent"]
    data = client.get(_url(espace_a, "tableau-de-bord.json"), {"year_from": 2021}).json()
    assert list(data["by_year"]) == ["2021"]


def test_an_inverted_period_is_explained_and_everything_shown(espace_a, alice, bob, as_user):
    make_cooperation(espace_a, alice)
    response = as_user(bob).get(
        _url(espace_a, "tableau-de-bord/"), {"year_from": 2022, "year_to": 2020}
    )
    assert "doit précéder" in response.content.decode()


def test_the_csv_and_xlsx_exports_hold_the_whole_matrix(espace_a, alice, bob, as_user):
    make_cooperation(espace_a, alice)
    client = as_user(bob)
    text = client.get(_url(espace_a, "tableau-de-bord.csv")).content.decode("utf-8-sig")
    assert ACTEUR_PRIVE in text and "Chaufferie bois coop" in text
    cells = [cell for row in csv.reader(io.StringIO(text), delimiter=";") for cell in row]
    # Numbers for French spreadsheets: a decimal comma, never a dot.
    assert any(re.fullmatch(r"\d+,\d+", cell) for cell in cells)
    assert not any(re.fullmatch(r"-?\d+\.\d+", cell) for cell in cells)
    book = load_workbook(BytesIO(client.get(_url(espace_a, "tableau-de-bord.xlsx")).content))
    assert len(book.sheetnames) == 4
    values = [cell for row in book.active.iter_rows(values_only=True) for cell in row]
    assert ACTEUR_PRIVE in values and 3214 in values  # 4 actors × 0,5 ETP = 3 214 h
