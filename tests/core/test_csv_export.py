import csv
import io
from datetime import date, datetime
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from balises.core.csv_export import (
    SafeWriter,
    csv_lines,
    csv_response,
    csv_streaming_response,
    neutralise,
    spreadsheet_cell,
)


def _read(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))


def test_text_that_a_spreadsheet_would_run_as_a_formula_is_made_plain_text():
    for text in ('=HYPERLINK("http://x")', "+1", "-2+3", "@SUM(A1)", "\tx"):
        assert neutralise(text) == "'" + text


def test_ordinary_text_and_numbers_are_unchanged():
    assert neutralise("Loos-en-Gohelle") == "Loos-en-Gohelle"
    assert neutralise(-5) == -5
    assert neutralise(None) is None


@given(st.text())
def test_no_written_cell_starts_a_formula(text):
    out = io.StringIO()
    SafeWriter(out, delimiter=";").writerow([text, 1])
    first = (
        next(csv.reader(io.StringIO(out.getvalue()), delimiter=";"))[0] if out.getvalue() else ""
    )
    assert not first.startswith(("=", "+", "-", "@"))


@given(st.text())
def test_no_exported_text_cell_starts_a_formula(text):
    cell = _read("".join(csv_lines(["texte"], [[text]])))[1:]
    value = cell[0][0] if cell and cell[0] else ""
    assert not value.startswith(("=", "+", "-", "@"))


def test_decimals_and_floats_are_written_with_a_decimal_comma():
    assert spreadsheet_cell(Decimal("320.5")) == "320,5"
    assert spreadsheet_cell(Decimal("-2.50")) == "-2,50"
    assert spreadsheet_cell(0.1) == "0,1"
    assert spreadsheet_cell(Decimal("1E+2")) == "100"
    assert spreadsheet_cell(1e-7) == "0,0000001"


def test_integers_dates_and_empty_values_are_written_as_they_are():
    assert spreadsheet_cell(42) == 42
    assert spreadsheet_cell(date(2024, 3, 1)) == "2024-03-01"
    assert spreadsheet_cell(datetime(2024, 3, 1, 8, 30)) == "2024-03-01T08:30:00"
    assert spreadsheet_cell(None) == ""


def test_a_negative_number_is_not_taken_for_a_formula():
    assert spreadsheet_cell(Decimal("-3.5")) == "-3,5"
    assert spreadsheet_cell(-3) == -3
    assert spreadsheet_cell("-3") == "'-3"


def test_the_file_starts_with_a_byte_order_mark_and_separates_cells_with_semicolons():
    response = csv_response("essai.csv", ["nom", "montant"], [["Léa", Decimal("320.5")]])
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeffnom;montant\r\n")
    assert _read(body) == [["nom", "montant"], ["Léa", "320,5"]]
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="essai.csv"'


def test_a_cell_holding_the_separator_is_quoted():
    body = csv_response("x.csv", ["a"], [["énergie ; eau"]]).content.decode()
    assert _read(body)[1] == ["énergie ; eau"]


def test_streaming_gives_the_same_bytes():
    header = ["nom", "valeur", "date"]
    rows = [["=1+1", Decimal("1.5"), date(2020, 1, 2)], ["Zoé", 3, None]]
    whole = csv_response("x.csv", header, rows)
    streamed = csv_streaming_response("x.csv", header, iter(rows))
    assert b"".join(streamed.streaming_content) == whole.content
    assert streamed["Content-Type"] == whole["Content-Type"]
    assert streamed["Content-Disposition"] == whole["Content-Disposition"]
